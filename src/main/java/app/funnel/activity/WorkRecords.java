package app.funnel.activity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What a feature that owns records people work on (leads, deals) tells the rep's day about them.
 * Implemented by that feature as a Spring bean, so that activities depend on no feature's insides
 * and no feature's rules are written twice.
 */
public interface WorkRecords {

    /** The record type this source answers for ({@code LEAD}, {@code OPPORTUNITY}). */
    String recordType();

    /** The record with its work rule, or empty when there is none with this id. */
    Optional<WorkItem> find(long id);

    /** The path of the view that opens the record (a link in a list or a mail), e.g. {@code leads/12}. */
    String path(long id);

    /** The records' names by id (missing ids are left out). */
    Map<Long, String> names(Collection<Long> ids);
}
