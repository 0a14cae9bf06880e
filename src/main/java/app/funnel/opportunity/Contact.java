package app.funnel.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A person at an account; the buyer of an opportunity is one. */
@Entity
@Table(name = "contact")
class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "account_id", nullable = false)
    private long accountId;
    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName = "";
    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName = "";
    @Column(length = 254)
    private @Nullable String email;
    @Column(length = 20)
    private @Nullable String phone;
    @Column(name = "job_title", length = 150)
    private @Nullable String jobTitle;
    @Column(name = "lead_id")
    private @Nullable Long leadId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;
    @Version
    private long version;

    protected Contact() {
    }

    Contact(long accountId, String firstName, String lastName, @Nullable String email, @Nullable String phone,
            @Nullable String jobTitle, @Nullable Long leadId, Instant createdAt) {
        this.accountId = accountId;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.phone = phone;
        this.jobTitle = jobTitle;
        this.leadId = leadId;
        this.createdAt = createdAt;
    }

    @Nullable Long getId() { return id; }
    long getAccountId() { return accountId; }
    String getFirstName() { return firstName; }
    String getLastName() { return lastName; }
    @Nullable String getEmail() { return email; }
    @Nullable String getPhone() { return phone; }
    @Nullable String getJobTitle() { return jobTitle; }
    @Nullable Long getLeadId() { return leadId; }
}
