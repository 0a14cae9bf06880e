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

/** A company that buys (or may buy) from us. */
@Entity
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(nullable = false, length = 200)
    private String name = "";
    @Column(name = "name_key", nullable = false, length = 200)
    private String nameKey = "";
    @Column(length = 200)
    private @Nullable String domain;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;
    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy = "";
    @Version
    private long version;

    protected Account() {
    }

    Account(String name, String nameKey, @Nullable String domain, Instant createdAt, String createdBy) {
        this.name = name;
        this.nameKey = nameKey;
        this.domain = domain;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    @Nullable Long getId() { return id; }
    String getName() { return name; }
    @Nullable String getDomain() { return domain; }
    void setDomain(@Nullable String v) { domain = v; }
}
