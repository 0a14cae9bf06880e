package app.funnel.definition;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the company means by one term in one version (or in a draft).
 *
 * @param body        the definition, in Markdown
 * @param examples    examples, in Markdown
 * @param criteria    what must be confirmed before a record enters this status or stage
 * @param probability for stages: the default probability in percent
 * @param slaHours    for SQL: hours sales has for the first touch after the handoff
 */
public record DefinitionEntry(Term term, String body, String examples, List<Criterion> criteria,
                              @Nullable Integer probability, @Nullable Integer slaHours) {

    public DefinitionEntry {
        criteria = List.copyOf(criteria);
    }
}
