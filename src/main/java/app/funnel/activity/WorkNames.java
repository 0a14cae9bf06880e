package app.funnel.activity;

import app.funnel.security.Roles;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Names and links of the records people work on, for lists and notifications that point at them. */
@Service
public class WorkNames {

    private final Work work;
    private final Map<String, WorkRecords> sources;

    WorkNames(Work work, List<WorkRecords> sources) {
        this.work = work;
        this.sources = sources.stream().collect(java.util.stream.Collectors.toMap(WorkRecords::recordType, s -> s));
    }

    /** The record's name, or "#id" when it is gone. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public String name(String recordType, long id) {
        return names(recordType, List.of(id)).getOrDefault(id, "#" + id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public Map<Long, String> names(String recordType, Collection<Long> ids) {
        return work.names(Map.of(recordType, ids)).getOrDefault(recordType, Map.of());
    }

    /** The path of the view that opens the record, e.g. {@code leads/12}; empty for an unknown type. */
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public String path(String recordType, long id) {
        WorkRecords source = sources.get(recordType);
        return source == null ? "" : source.path(id);
    }
}
