package app.funnel.search;

/** The kinds of record the global search finds, in the order their groups are shown. */
public enum SearchKind {
    LEAD, DEAL, ACCOUNT, CONTACT
}
