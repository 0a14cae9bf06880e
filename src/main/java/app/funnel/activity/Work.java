package app.funnel.activity;

import app.funnel.base.InvalidInputException;
import app.funnel.base.RefusedException;
import app.funnel.security.CurrentUser;
import app.funnel.user.UserService;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The records people work on, from the features that own them, and their rules applied to users. */
@Component
class Work {

    private final Map<String, WorkRecords> sources;
    private final UserService users;

    Work(List<WorkRecords> sources, UserService users) {
        this.sources = sources.stream().collect(Collectors.toMap(WorkRecords::recordType, Function.identity()));
        this.users = users;
    }

    /** The record; refused when there is none of that type and id. */
    WorkItem require(String recordType, long id) {
        WorkRecords source = sources.get(recordType);
        if (source == null) {
            throw new InvalidInputException("recordType", "activity.error.record-type", recordType);
        }
        return source.find(id).orElseThrow(() -> new InvalidInputException("id", "activity.error.record-not-found", id));
    }

    /** The record, when the current user may work on it. */
    WorkItem requireWork(String recordType, long id) {
        WorkItem item = require(recordType, id);
        if (!item.mayWork(myId(), CurrentUser.require().roles())) {
            throw new RefusedException("refused.activity-record");
        }
        return item;
    }

    /** Whether a user (enabled) may work on the record: an assignee must. */
    boolean mayWork(WorkItem item, long userId) {
        return users.enabledUser(userId).map(u -> item.mayWork(u.id(), u.roles())).orElse(false);
    }

    Map<String, Map<Long, String>> names(Map<String, ? extends Collection<Long>> idsByType) {
        Map<String, Map<Long, String>> names = new HashMap<>();
        idsByType.forEach((type, ids) -> {
            WorkRecords source = sources.get(type);
            names.put(type, source == null || ids.isEmpty() ? Map.of() : source.names(ids));
        });
        return names;
    }

    long myId() {
        return users.currentId();
    }
}
