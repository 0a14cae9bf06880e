package app.funnel.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A specific deal: a known buyer at an account, an amount, a close date and a stage. */
@Entity
@Table(name = "opportunity")
class Opportunity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(nullable = false, length = 200)
    private String name = "";
    @Column(name = "account_id", nullable = false)
    private long accountId;
    @Column(name = "contact_id", nullable = false)
    private long contactId;
    @Column(name = "lead_id")
    private @Nullable Long leadId;
    @Column(name = "owner_id", nullable = false)
    private long ownerId;
    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount = BigDecimal.ZERO;
    @Column(nullable = false, length = 3, columnDefinition = "char(3)")
    private String currency = "USD";
    @Column(name = "expected_close", nullable = false)
    private LocalDate expectedClose = LocalDate.EPOCH;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Stage stage = Stage.QUALIFICATION;
    @Column(nullable = false)
    private int probability;
    @Enumerated(EnumType.STRING)
    @Column(name = "lost_reason", length = 20)
    private @Nullable LostReason lostReason;
    @Column(name = "lost_note", length = 1000)
    private @Nullable String lostNote;
    /** The source of the lead the deal came from, copied at conversion; none without a lead. */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private app.funnel.lead.@Nullable LeadSource source;
    @Column(columnDefinition = "text")
    private @Nullable String notes;
    @Column(name = "stage_changed_at", nullable = false)
    private Instant stageChangedAt = Instant.EPOCH;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;
    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy = "";
    @Version
    private long version;

    protected Opportunity() {
    }

    Opportunity(long accountId, long contactId, @Nullable Long leadId, long ownerId, Instant now, String by) {
        this.accountId = accountId;
        this.contactId = contactId;
        this.leadId = leadId;
        this.ownerId = ownerId;
        this.stageChangedAt = now;
        this.createdAt = now;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    void touched(Instant at, String by) {
        updatedAt = at;
        updatedBy = by;
    }

    @Nullable Long getId() { return id; }
    String getName() { return name; }
    void setName(String v) { name = v; }
    long getAccountId() { return accountId; }
    long getContactId() { return contactId; }
    void setContactId(long v) { contactId = v; }
    @Nullable Long getLeadId() { return leadId; }
    long getOwnerId() { return ownerId; }
    void setOwnerId(long v) { ownerId = v; }
    BigDecimal getAmount() { return amount; }
    void setAmount(BigDecimal v) { amount = v; }
    app.funnel.lead.@Nullable LeadSource getSource() { return source; }
    void setSource(app.funnel.lead.@Nullable LeadSource v) { source = v; }
    String getCurrency() { return currency; }
    void setCurrency(String v) { currency = v; }
    LocalDate getExpectedClose() { return expectedClose; }
    void setExpectedClose(LocalDate v) { expectedClose = v; }
    Stage getStage() { return stage; }
    void setStage(Stage v) { stage = v; }
    int getProbability() { return probability; }
    void setProbability(int v) { probability = v; }
    @Nullable LostReason getLostReason() { return lostReason; }

    /** What the statistics count the deal under now. */
    app.funnel.statistics.DealFacts facts() {
        return new app.funnel.statistics.DealFacts(stage, ownerId, currency, expectedClose, amount, probability,
                source == null ? null : source.name());
    }
    void setLostReason(@Nullable LostReason v) { lostReason = v; }
    @Nullable String getLostNote() { return lostNote; }
    void setLostNote(@Nullable String v) { lostNote = v; }
    @Nullable String getNotes() { return notes; }
    void setNotes(@Nullable String v) { notes = v; }
    Instant getStageChangedAt() { return stageChangedAt; }
    void setStageChangedAt(Instant v) { stageChangedAt = v; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    String getUpdatedBy() { return updatedBy; }
    long getVersion() { return version; }
}
