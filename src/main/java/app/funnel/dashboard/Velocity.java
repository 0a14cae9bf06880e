package app.funnel.dashboard;

/**
 * How long records stayed in a lead status or deal stage, over the stays that ended in the period:
 * how many, the median and the 80th percentile, in days (stays below two days are measured in
 * whole hours, longer ones in whole days; a year or more counts as a year).
 */
public record Velocity(String stage, long stays, double medianDays, double p80Days) {
}
