package app.funnel.lead;

import org.jspecify.annotations.Nullable;

/** The contact data of a lead as a user enters it (raw phone, any format). */
public record LeadInput(String firstName, String lastName, @Nullable String email, @Nullable String phone,
                        @Nullable String company, @Nullable String jobTitle, @Nullable String country,
                        LeadSource source, @Nullable Long referredById, @Nullable String notes) {
}
