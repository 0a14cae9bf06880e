package app.funnel.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "follow_up")
class FollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "record_type", nullable = false, length = 20)
    private String recordType = "";
    @Column(name = "record_id", nullable = false)
    private long recordId;
    @Column(nullable = false, length = 200)
    private String title = "";
    @Column(length = 2000)
    private @Nullable String note;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt = Instant.EPOCH;
    @Column(name = "assignee_id", nullable = false)
    private long assigneeId;
    @Column(name = "done_at")
    private @Nullable Instant doneAt;
    @Column(name = "done_by", length = 64)
    private @Nullable String doneBy;
    @Column(name = "reminded_at")
    private @Nullable Instant remindedAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;
    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy = "";
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;
    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy = "";
    @Version
    private long version;

    protected FollowUp() {
    }

    FollowUp(String recordType, long recordId, Instant now, String by) {
        this.recordType = recordType;
        this.recordId = recordId;
        this.createdAt = now;
        this.createdBy = by;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    @Nullable Long getId() { return id; }
    String getRecordType() { return recordType; }
    long getRecordId() { return recordId; }
    void moveTo(long recordId) { this.recordId = recordId; }
    String getTitle() { return title; }
    void setTitle(String title) { this.title = title; }
    @Nullable String getNote() { return note; }
    void setNote(@Nullable String note) { this.note = note; }
    Instant getDueAt() { return dueAt; }
    void setDueAt(Instant dueAt) {
        if (!dueAt.equals(this.dueAt)) {
            this.remindedAt = null;
        }
        this.dueAt = dueAt;
    }
    long getAssigneeId() { return assigneeId; }
    void setAssigneeId(long assigneeId) { this.assigneeId = assigneeId; }
    @Nullable Instant getDoneAt() { return doneAt; }
    @Nullable String getDoneBy() { return doneBy; }
    void setDone(@Nullable Instant at, @Nullable String by) {
        this.doneAt = at;
        this.doneBy = by;
    }
    String getCreatedBy() { return createdBy; }
    Instant getUpdatedAt() { return updatedAt; }
    String getUpdatedBy() { return updatedBy; }
    long getVersion() { return version; }

    void touched(Instant now, String by) {
        this.updatedAt = now;
        this.updatedBy = by;
    }
}
