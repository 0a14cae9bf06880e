package app.funnel.definition;

/** A status or stage change the definitions refuse: carries the unmet criteria, quoted from the definition. */
public class TransitionRefusedException extends RuntimeException {

    private final transient Verdict verdict;

    public TransitionRefusedException(Verdict verdict) {
        super("The definition of " + verdict.term() + " (version " + verdict.version() + ") is not met: "
                + verdict.unmet().stream().map(c -> c.name()).toList());
        this.verdict = verdict;
    }

    public Verdict verdict() {
        return verdict;
    }
}
