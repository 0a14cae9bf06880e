package app.funnel.dashboard;

/** How many deals were lost for a reason in the period (by the month of their last close). */
public record LostReasonRow(String reason, long deals) {
}
