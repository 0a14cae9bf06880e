package app.funnel.user;

import app.funnel.security.Role;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Outside the entity's version: remembering a language must not make an admin's open form stale. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update AppUser u set u.language = :language where u.username = :username "
            + "and (u.language is null or u.language <> :language)")
    int rememberLanguage(@org.springframework.data.repository.query.Param("username") String username,
                         @org.springframework.data.repository.query.Param("language") String language);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update AppUser u set u.myWorkSeenAt = :at where u.username = :username")
    int myWorkSeen(@org.springframework.data.repository.query.Param("username") String username,
                   @org.springframework.data.repository.query.Param("at") java.time.Instant at);

    /** Users whose username, display name or e-mail contains the text (any case). */
    @Query("""
            select u from AppUser u
            where :text = '' or lower(u.username) like concat('%', :text, '%')
               or lower(u.displayName) like concat('%', :text, '%')
               or lower(u.email) like concat('%', :text, '%')""")
    Slice<AppUser> search(@Param("text") String text, Pageable pageable);

    @Query("""
            select count(u) from AppUser u
            where :text = '' or lower(u.username) like concat('%', :text, '%')
               or lower(u.displayName) like concat('%', :text, '%')
               or lower(u.email) like concat('%', :text, '%')""")
    long countSearch(@Param("text") String text);

    @Query("select count(u) from AppUser u join u.roles r where r = :role and u.enabled = true")
    long countEnabledWithRole(@Param("role") Role role);

    @Query("select distinct u from AppUser u join u.roles r where r = :role and u.enabled = true order by u.id")
    java.util.List<AppUser> findEnabledWithRole(@Param("role") Role role);

    @Modifying
    @Query("update AppUser u set u.lastLoginAt = :at where u.username = :username")
    int recordLogin(@Param("username") String username, @Param("at") Instant at);
}
