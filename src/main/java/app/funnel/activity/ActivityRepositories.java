package app.funnel.activity;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ActivityRepository extends JpaRepository<Activity, Long> {

    @Query("select a from Activity a where a.recordType = :type and a.recordId = :id and a.deletedAt is null "
            + "and (a.privateNote = false or :privateToo = true or a.authorId = :me) "
            + "order by a.occurredAt desc, a.id desc")
    List<Activity> timeline(@Param("type") String recordType, @Param("id") long recordId,
                            @Param("privateToo") boolean privateToo, @Param("me") long me, Pageable page);

    @Query("select count(a) from Activity a where a.recordType = :type and a.recordId = :id and a.deletedAt is null "
            + "and (a.privateNote = false or :privateToo = true or a.authorId = :me)")
    long countTimeline(@Param("type") String recordType, @Param("id") long recordId,
                       @Param("privateToo") boolean privateToo, @Param("me") long me);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update Activity a set a.recordId = :to where a.recordType = :type and a.recordId = :from")
    int move(@Param("type") String recordType, @Param("from") long from, @Param("to") long to);
}

interface FollowUpRepository extends JpaRepository<FollowUp, Long> {

    @Query("select f from FollowUp f where f.recordType = :type and f.recordId = :id "
            + "order by case when f.doneAt is null then 0 else 1 end, f.dueAt, f.id")
    List<FollowUp> ofRecord(@Param("type") String recordType, @Param("id") long recordId, Pageable page);

    @Query("select f from FollowUp f where f.recordType = :type and f.recordId = :id and f.doneAt is null")
    List<FollowUp> openOf(@Param("type") String recordType, @Param("id") long recordId);

    @Query("select count(f) from FollowUp f where f.recordType = :type and f.recordId = :id and f.doneAt is null")
    long countOpen(@Param("type") String recordType, @Param("id") long recordId);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update FollowUp f set f.recordId = :to where f.recordType = :type and f.recordId = :from")
    int move(@Param("type") String recordType, @Param("from") long from, @Param("to") long to);
}
