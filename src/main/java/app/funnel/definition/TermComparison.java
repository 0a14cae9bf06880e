package app.funnel.definition;

/** One term in two versions, for the side-by-side comparison. */
public record TermComparison(Term term, DefinitionEntry from, DefinitionEntry to) {

    public boolean changed() {
        return !from.equals(to);
    }
}
