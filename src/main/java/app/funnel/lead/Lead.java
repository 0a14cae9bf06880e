package app.funnel.lead;

import app.funnel.statistics.FunnelStep;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "leads")
class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    /** What the statistics counted the lead under as stored; the service tells them the change after one. */
    @jakarta.persistence.Transient
    private app.funnel.statistics.@Nullable LeadFacts tallied;

    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName = "";
    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName = "";
    @Column(length = 254)
    private @Nullable String email;
    @Column(name = "email_key", length = 254)
    private @Nullable String emailKey;
    @Column(length = 20)
    private @Nullable String phone;
    @Column(length = 200)
    private @Nullable String company;
    @Column(name = "name_key", nullable = false, length = 220)
    private String nameKey = "";
    @Column(name = "company_key", length = 200)
    private @Nullable String companyKey;
    @Column(name = "job_title", length = 150)
    private @Nullable String jobTitle;
    @Column(length = 2, columnDefinition = "char(2)")
    private @Nullable String country;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LeadSource source = LeadSource.OTHER;
    @Column(name = "owner_id", nullable = false)
    private long ownerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 15)
    private LeadStatus status = LeadStatus.NEW;
    @Enumerated(EnumType.STRING)
    @Column(name = "disqualification_reason", length = 30)
    private @Nullable DisqualificationReason disqualificationReason;
    @Column(name = "disqualification_note", length = 1000)
    private @Nullable String disqualificationNote;
    @Column(name = "referred_by_id")
    private @Nullable Long referredById;
    @Column(columnDefinition = "text")
    private @Nullable String notes;
    @Column(name = "opportunity_id")
    private @Nullable Long opportunityId;
    /** The furthest funnel step the lead reached (FunnelStep's ordinal); it never goes back. */
    @Column(nullable = false, columnDefinition = "tinyint")
    private int reach;
    @Column(name = "suspect_reasons", length = 300)
    private @Nullable String suspectReasons;
    @Column(name = "handed_over_at")
    private @Nullable Instant handedOverAt;
    @Column(name = "first_touch_due_at")
    private @Nullable Instant firstTouchDueAt;
    @Column(name = "first_touch_at")
    private @Nullable Instant firstTouchAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;
    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy = "";
    @Version
    private long version;

    protected Lead() {
    }

    Lead(long ownerId, LeadSource source, Instant now, String by) {
        this.ownerId = ownerId;
        this.source = source;
        this.createdAt = now;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    void touched(Instant now, String by) {
        this.updatedAt = now;
        this.updatedBy = by;
    }

    // plain accessors; the rules live in LeadService

    @Nullable Long getId() { return id; }
    String getFirstName() { return firstName; }
    void setFirstName(String v) { firstName = v; }
    String getLastName() { return lastName; }
    void setLastName(String v) { lastName = v; }
    @Nullable String getEmail() { return email; }
    void setEmail(@Nullable String v) { email = v; }
    @Nullable String getEmailKey() { return emailKey; }
    void setEmailKey(@Nullable String v) { emailKey = v; }
    @Nullable String getPhone() { return phone; }
    void setPhone(@Nullable String v) { phone = v; }
    @Nullable String getCompany() { return company; }
    void setCompany(@Nullable String v) { company = v; }
    String getNameKey() { return nameKey; }
    void setNameKey(String v) { nameKey = v; }
    @Nullable String getCompanyKey() { return companyKey; }
    void setCompanyKey(@Nullable String v) { companyKey = v; }
    @Nullable String getJobTitle() { return jobTitle; }
    void setJobTitle(@Nullable String v) { jobTitle = v; }
    @Nullable String getCountry() { return country; }
    void setCountry(@Nullable String v) { country = v; }
    LeadSource getSource() { return source; }
    void setSource(LeadSource v) { source = v; }
    long getOwnerId() { return ownerId; }
    void setOwnerId(long v) { ownerId = v; }
    LeadStatus getStatus() { return status; }
    void setStatus(LeadStatus v) { status = v; }
    @Nullable DisqualificationReason getDisqualificationReason() { return disqualificationReason; }
    void setDisqualificationReason(@Nullable DisqualificationReason v) { disqualificationReason = v; }
    @Nullable String getDisqualificationNote() { return disqualificationNote; }
    void setDisqualificationNote(@Nullable String v) { disqualificationNote = v; }
    @Nullable Long getReferredById() { return referredById; }
    void setReferredById(@Nullable Long v) { referredById = v; }
    @Nullable String getNotes() { return notes; }
    void setNotes(@Nullable String v) { notes = v; }
    @Nullable String getSuspectReasons() { return suspectReasons; }
    void setSuspectReasons(@Nullable String v) { suspectReasons = v; }
    @Nullable Instant getHandedOverAt() { return handedOverAt; }
    void setHandedOverAt(@Nullable Instant v) { handedOverAt = v; }
    @Nullable Instant getFirstTouchDueAt() { return firstTouchDueAt; }
    void setFirstTouchDueAt(@Nullable Instant v) { firstTouchDueAt = v; }
    @Nullable Instant getFirstTouchAt() { return firstTouchAt; }
    void setFirstTouchAt(@Nullable Instant v) { firstTouchAt = v; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    String getUpdatedBy() { return updatedBy; }
    long getVersion() { return version; }

    @jakarta.persistence.PostLoad
    @jakarta.persistence.PostPersist
    void rememberTallied() {
        tallied = facts();
    }

    app.funnel.statistics.@Nullable LeadFacts tallied() {
        return tallied;
    }

    /** What the statistics count the lead under now (it must be stored). */
    app.funnel.statistics.LeadFacts facts() {
        return new app.funnel.statistics.LeadFacts(java.util.Objects.requireNonNull(id, "an unsaved lead"), createdAt,
                status, ownerId, source.name(), getReach(), lastName, company, handedOverAt, firstTouchAt);
    }

    FunnelStep getReach() {
        return FunnelStep.of(reach);
    }

    /** Moves the reach on to the step, when it is further than the one reached so far. */
    void reached(FunnelStep step) {
        reach = Math.max(reach, step.code);
    }

    @Nullable Long getOpportunityId() {
        return opportunityId;
    }

    void setOpportunityId(@Nullable Long v) {
        opportunityId = v;
    }
}
