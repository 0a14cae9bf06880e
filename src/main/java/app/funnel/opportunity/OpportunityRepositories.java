package app.funnel.opportunity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OpportunityRepository extends JpaRepository<Opportunity, Long> {

    /** An owner's deals in the stages closing in the days (index on owner, stage, close date). */
    @org.springframework.data.jpa.repository.Query("select o from Opportunity o where o.ownerId = :owner "
            + "and o.stage in :stages and o.expectedClose between :from and :to order by o.expectedClose, o.id")
    List<Opportunity> closingBetween(@org.springframework.data.repository.query.Param("owner") long owner,
                                     @org.springframework.data.repository.query.Param("stages") java.util.Collection<Stage> stages,
                                     @org.springframework.data.repository.query.Param("from") java.time.LocalDate from,
                                     @org.springframework.data.repository.query.Param("to") java.time.LocalDate to,
                                     org.springframework.data.domain.Pageable page);

    /** An owner's deals in the stages unchanged since the time, longest unchanged first (index on owner, stage, updated). */
    @org.springframework.data.jpa.repository.Query("select o from Opportunity o where o.ownerId = :owner "
            + "and o.stage in :stages and o.updatedAt < :before order by o.updatedAt, o.id")
    List<Opportunity> unchangedSince(@org.springframework.data.repository.query.Param("owner") long owner,
                                     @org.springframework.data.repository.query.Param("stages") java.util.Collection<Stage> stages,
                                     @org.springframework.data.repository.query.Param("before") java.time.Instant before,
                                     org.springframework.data.domain.Pageable page);
}

interface AccountRepository extends JpaRepository<Account, Long> {

    List<Account> findByNameKey(String nameKey);

    List<Account> findByDomain(String domain);

    List<Account> findTop50ByNameKeyStartingWithOrderByNameKey(String prefix);
}

interface ContactRepository extends JpaRepository<Contact, Long> {

    List<Contact> findByAccountIdOrderByLastNameAscFirstNameAsc(long accountId);
}
