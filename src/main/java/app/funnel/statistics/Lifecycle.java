package app.funnel.statistics;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One kind of record's states as the statistics count them: the record type its history rows are
 * stored under, its states with their facts, and the funnel steps whose first arrival it counts
 * (leads count reaching MQL and SQL; deals count reaching the opportunity step, so that a converted
 * lead is not counted twice). The lead and deal features each declare theirs as a bean.
 */
public record Lifecycle(String recordType, List<? extends FunnelState> states, Set<FunnelStep> countedSteps) {

    public Lifecycle {
        states = List.copyOf(states);
        countedSteps = Set.copyOf(countedSteps);
        if (states.stream().map(FunnelState::name).distinct().count() != states.size()) {
            throw new IllegalArgumentException(recordType + " has two states of one name");
        }
    }

    public Optional<FunnelState> state(String name) {
        return states.stream().filter(s -> s.name().equals(name)).map(FunnelState.class::cast).findFirst();
    }

    /** The names of the states that are so. */
    public List<String> names(Predicate<FunnelState> which) {
        return states.stream().filter(which).map(FunnelState::name).toList();
    }

    /** An SQL list of the states that are so, as {@code ('A', 'B')}; {@code ('')} when none is. */
    public String sqlIn(Predicate<FunnelState> which) {
        return sqlList(names(which));
    }

    /** A CASE expression giving the step code of the state named in the column (0 for none of them). */
    public String stepCodeSql(String column) {
        return "CASE " + column + states.stream().filter(s -> s.step() != FunnelStep.LEAD)
                .map(s -> " WHEN '" + s.name() + "' THEN " + s.step().code).collect(Collectors.joining())
                + " ELSE " + FunnelStep.LEAD.code + " END";
    }

    /** An SQL list of names, quoted. The names are enum constants, never user input. */
    static String sqlList(List<String> names) {
        if (names.isEmpty()) {
            return "('')";
        }
        return names.stream().map(n -> {
            if (!n.matches("[A-Z_]+")) {
                throw new IllegalArgumentException("Not a state name: " + n);
            }
            return "'" + n + "'";
        }).collect(Collectors.joining(", ", "(", ")"));
    }
}
