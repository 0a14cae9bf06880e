package app.funnel.lead;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LeadRepository extends JpaRepository<Lead, Long> {

    java.util.List<Lead> findByReferredByIdOrderByCreatedAt(Long referredById);

    /** The leads that one lead referred now count as referred by another (on a merge). */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update Lead l set l.referredById = :to where l.referredById = :from and l.id <> :to")
    int moveReferrals(@Param("from") long fromId, @Param("to") long toId);

    @Query("select max(l.handedOverAt) from Lead l where l.ownerId = :owner")
    Optional<Instant> lastHandoffTo(@Param("owner") long ownerId);
}
