package app.funnel.opportunity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OpportunityRepository extends JpaRepository<Opportunity, Long> {
}

interface AccountRepository extends JpaRepository<Account, Long> {

    List<Account> findByNameKey(String nameKey);

    List<Account> findByDomain(String domain);

    List<Account> findTop50ByNameKeyStartingWithOrderByNameKey(String prefix);
}

interface ContactRepository extends JpaRepository<Contact, Long> {

    List<Contact> findByAccountIdOrderByLastNameAscFirstNameAsc(long accountId);
}
