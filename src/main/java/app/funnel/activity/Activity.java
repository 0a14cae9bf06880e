package app.funnel.activity;

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
@Table(name = "activity")
class Activity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "record_type", nullable = false, length = 20)
    private String recordType = "";
    @Column(name = "record_id", nullable = false)
    private long recordId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ActivityKind kind = ActivityKind.NOTE;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt = Instant.EPOCH;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private @Nullable ActivityOutcome outcome;
    @Column(nullable = false, columnDefinition = "text")
    private String body = "";
    @Column(length = 500)
    private @Nullable String people;
    @Column(name = "private_note", nullable = false)
    private boolean privateNote;
    @Column(name = "author_id", nullable = false)
    private long authorId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;
    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy = "";
    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;
    @Version
    private long version;

    protected Activity() {
    }

    Activity(String recordType, long recordId, long authorId, Instant now, String by) {
        this.recordType = recordType;
        this.recordId = recordId;
        this.authorId = authorId;
        this.createdAt = now;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    @Nullable Long getId() { return id; }
    String getRecordType() { return recordType; }
    long getRecordId() { return recordId; }
    void moveTo(long recordId) { this.recordId = recordId; }
    ActivityKind getKind() { return kind; }
    void setKind(ActivityKind kind) { this.kind = kind; }
    Instant getOccurredAt() { return occurredAt; }
    void setOccurredAt(Instant occurredAt) { this.occurredAt = occurredAt; }
    @Nullable ActivityOutcome getOutcome() { return outcome; }
    void setOutcome(@Nullable ActivityOutcome outcome) { this.outcome = outcome; }
    String getBody() { return body; }
    void setBody(String body) { this.body = body; }
    @Nullable String getPeople() { return people; }
    void setPeople(@Nullable String people) { this.people = people; }
    boolean isPrivateNote() { return privateNote; }
    void setPrivateNote(boolean privateNote) { this.privateNote = privateNote; }
    long getAuthorId() { return authorId; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    String getUpdatedBy() { return updatedBy; }
    @Nullable Instant getDeletedAt() { return deletedAt; }
    long getVersion() { return version; }

    void touched(Instant now, String by) {
        this.updatedAt = now;
        this.updatedBy = by;
    }

    void deleted(Instant now, String by) {
        this.deletedAt = now;
        touched(now, by);
    }
}
