package app.funnel.lead;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LeadRepository extends JpaRepository<Lead, Long> {

    java.util.List<Lead> findByReferredByIdOrderByCreatedAt(Long referredById);

    @Query("select max(l.handedOverAt) from Lead l where l.ownerId = :owner")
    Optional<Instant> lastHandoffTo(@Param("owner") long ownerId);
}
