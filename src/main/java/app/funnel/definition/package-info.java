/**
 * The company's shared definitions of Lead, MQL, SQL, Opportunity and each stage: versions, drafts,
 * acknowledgements, and the enforcement service that other features ask before a status or stage change.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.definition;
