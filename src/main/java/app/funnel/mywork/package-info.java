/**
 * My work: what each user should do now, on the home page: a rep's SQLs near or past their
 * first-touch deadline, follow-ups, deals closing and gone stale, new handoffs; marketing's
 * returned SQLs and finished imports; leadership's overdue counts per person.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.mywork;
