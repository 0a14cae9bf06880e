package app.funnel.lead.ui;

import app.funnel.base.ui.Badges;
import app.funnel.base.ui.Fields;
import app.funnel.lead.ContactCheck;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadQuery;
import app.funnel.lead.LeadRow;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A lead's contact data as a form (as Vaadin's Whereabouts builds its forms): the fields bound by
 * a {@link Binder} to {@link Values}, read from a stored lead and written to a {@link LeadInput},
 * with the "looks fake" signs shown while typing, as the save would find them. The service checks
 * the input; its refusals name a bound property, which {@code Messages.show} marks on its field.
 */
final class LeadForm extends Composite<FormLayout> {

    /** What the form edits, as the binder reads and writes it. */
    public static final class Values {
        private String firstName = "";
        private String lastName = "";
        private String email = "";
        private String phone = "";
        private @Nullable String country;
        private String company = "";
        private String jobTitle = "";
        private @Nullable LeadSource source = LeadSource.WEBSITE_FORM;
        private @Nullable LeadRow referredBy;
        private String notes = "";

        public String getFirstName() { return firstName; }
        public void setFirstName(String v) { firstName = v; }
        public String getLastName() { return lastName; }
        public void setLastName(String v) { lastName = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public @Nullable String getCountry() { return country; }
        public void setCountry(@Nullable String v) { country = v; }
        public String getCompany() { return company; }
        public void setCompany(String v) { company = v; }
        public String getJobTitle() { return jobTitle; }
        public void setJobTitle(String v) { jobTitle = v; }
        public @Nullable LeadSource getSource() { return source; }
        public void setSource(@Nullable LeadSource v) { source = v; }
        public @Nullable LeadRow getReferredBy() { return referredBy; }
        public void setReferredBy(@Nullable LeadRow v) { referredBy = v; }
        public String getNotes() { return notes; }
        public void setNotes(String v) { notes = v; }
    }

    private final TextField firstName = Fields.text(getTranslation("lead.field.first-name"), 100);
    private final TextField lastName = Fields.text(getTranslation("lead.field.last-name"), 100);
    private final EmailField email = Fields.email(getTranslation("lead.field.email"), 254);
    private final TextField phone = Fields.text(getTranslation("lead.field.phone"), 40);
    /** Picked from a list, names in the user's language, the ISO code stored ("Narnia" once became NA). */
    private final ComboBox<String> country = new ComboBox<>(getTranslation("lead.field.country"));
    private final TextField company = Fields.text(getTranslation("lead.field.company"), 200);
    private final TextField jobTitle = Fields.text(getTranslation("lead.field.job-title"), 150);
    private final ComboBox<LeadSource> source = new ComboBox<>(getTranslation("lead.field.source"));
    private final ComboBox<LeadRow> referredBy = new ComboBox<>(getTranslation("lead.field.referred-by"));
    /** Below the form, the width of the dialog. */
    private final TextArea notes = new TextArea(getTranslation("lead.field.notes"));
    private final Div liveSuspect = new Div();
    private final Binder<Values> binder = new Binder<>(Values.class);

    LeadForm(LeadService leads, @Nullable LeadDetails lead) {
        FormLayout form = getContent();
        form.add(firstName, lastName, email, phone, country, company, jobTitle, source, referredBy);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        firstName.setId("lead-first-name");
        lastName.setId("lead-last-name");
        email.setId("lead-email");
        phone.setId("lead-phone");
        phone.setHelperText(getTranslation("lead.field.phone-help"));
        country.setId("lead-country");
        Locale locale = getLocale();
        java.util.Comparator<String> byName = java.util.Comparator.comparing(
                code -> Locale.of("", code).getDisplayCountry(locale), java.text.Collator.getInstance(locale));
        country.setItems(ContactCheck.countries().stream().sorted(byName).toList());
        country.setItemLabelGenerator(code -> Locale.of("", code).getDisplayCountry(locale) + " (" + code + ")");
        country.setClearButtonVisible(true);
        country.setHelperText(getTranslation("lead.field.country-help"));
        company.setId("lead-company");
        source.setItems(LeadSource.values());
        source.setItemLabelGenerator(s -> getTranslation("source." + s.name()));
        source.setId("lead-source");
        Fields.limit(notes, 20_000);
        notes.setWidthFull();
        referredBy.setId("lead-referred-by");
        referredBy.setItemLabelGenerator(r -> r.firstName() + " " + r.lastName()
                + (r.company() == null ? "" : " (" + r.company() + ")"));
        referredBy.setItems(query -> leads.search(new LeadQuery(null, null, null, null, null, query.getFilter()
                        .orElse("")), org.springframework.data.domain.PageRequest.of(query.getPage(), query.getPageSize()))
                .stream().filter(r -> lead == null || r.id() != lead.id()));
        referredBy.setClearButtonVisible(true);
        referredBy.setHelperText(getTranslation("lead.field.referred-by-help"));
        firstName.setRequiredIndicatorVisible(true);
        lastName.setRequiredIndicatorVisible(true);
        liveSuspect.setId("lead-suspect-live");
        liveSuspect.addClassName("funnel-suspect");
        liveSuspect.setVisible(false);

        // the service checks and names the property a refusal is about; the binder finds its field
        binder.forField(firstName).bind("firstName");
        binder.forField(lastName).bind("lastName");
        binder.forField(email).bind("email");
        binder.forField(phone).bind("phone");
        binder.forField(country).bind("country");
        binder.forField(company).bind("company");
        binder.forField(jobTitle).bind("jobTitle");
        binder.forField(source).bind("source");
        binder.forField(referredBy).bind("referredBy");
        binder.forField(notes).bind("notes");
        binder.readBean(values(leads, lead));
    }

    private static Values values(LeadService leads, @Nullable LeadDetails lead) {
        Values values = new Values();
        if (lead == null) {
            return values;
        }
        values.setFirstName(lead.firstName());
        values.setLastName(lead.lastName());
        values.setEmail(nz(lead.email()));
        values.setPhone(nz(lead.phone()));
        values.setCountry(lead.country() == null || !ContactCheck.isKnownCountry(lead.country())
                ? null : lead.country().toUpperCase(Locale.ROOT));
        values.setCompany(nz(lead.company()));
        values.setJobTitle(nz(lead.jobTitle()));
        values.setSource(lead.source());
        values.setNotes(nz(lead.notes()));
        if (lead.referredById() != null) {
            LeadDetails referrer = leads.get(lead.referredById());
            values.setReferredBy(new LeadRow(referrer.id(), referrer.firstName(), referrer.lastName(), referrer.email(),
                    referrer.company(), referrer.source(), referrer.ownerId(), referrer.status(), referrer.suspect(),
                    referrer.firstTouchDueAt(), referrer.firstTouchAt(), referrer.createdAt()));
        }
        return values;
    }

    /** Whether the user may change the lead: read-only fields otherwise; editable ones show the live signs. */
    void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
        if (editable) {
            for (var field : List.of(firstName, lastName, phone)) {
                field.setValueChangeMode(ValueChangeMode.LAZY);
                field.addValueChangeListener(e -> showLiveSuspect());
            }
            country.addValueChangeListener(e -> showLiveSuspect());
            email.setValueChangeMode(ValueChangeMode.LAZY);
            email.addValueChangeListener(e -> showLiveSuspect());
            showLiveSuspect();
        }
    }

    /** What the form holds now, as the service takes it (blank fields as the user left them). */
    LeadInput input() {
        Values values = new Values();
        binder.writeBeanAsDraft(values, true);
        return new LeadInput(values.getFirstName(), values.getLastName(), values.getEmail(), phone(values),
                values.getCompany(), values.getJobTitle(), values.getCountry() == null ? "" : values.getCountry(),
                values.getSource(), values.getReferredBy() == null ? null : values.getReferredBy().id(),
                values.getNotes());
    }

    /**
     * The phone as typed; a national number with no country chosen is read by the user's country
     * (the language's: Brazil for pt-BR) and passed on with its +code, the country left empty.
     */
    private @Nullable String phone(Values values) {
        String typed = values.getPhone();
        if (typed == null || typed.isBlank() || typed.strip().startsWith("+")
                || values.getCountry() != null && !values.getCountry().isBlank()) {
            return typed;
        }
        String region = getLocale().getCountry();
        return region.isEmpty() ? typed : ContactCheck.toE164(typed, region).orElse(typed);
    }

    private @Nullable String phoneRegion() {
        if (country.getValue() != null && !country.getValue().isBlank()) {
            return country.getValue();
        }
        String region = getLocale().getCountry();
        return region.isEmpty() ? null : region;
    }

    /** Clears the marks a previous refusal left on the fields. */
    void clearErrors() {
        binder.getFields().forEach(f -> {
            if (f instanceof com.vaadin.flow.component.HasValidation v) {
                v.setInvalid(false);
            }
        });
    }

    Binder<Values> binder() {
        return binder;
    }

    /** The notes, a wide field below the form. */
    TextArea notes() {
        return notes;
    }

    /** The "looks fake" signs of what is typed, between the form and the notes. */
    Div liveSuspect() {
        return liveSuspect;
    }

    private void showLiveSuspect() {
        liveSuspect.removeAll();
        String phoneE164 = ContactCheck.toE164(phone.getValue(), phoneRegion()).orElse(null);
        var reasons = ContactCheck.suspectReasons(firstName.getValue().strip(), lastName.getValue().strip(),
                email.getValue().isBlank() ? null : email.getValue().strip(), phoneE164);
        liveSuspect.setVisible(!reasons.isEmpty());
        if (!reasons.isEmpty()) {
            liveSuspect.add(new Span(getTranslation("lead.suspect-intro") + " "));
            reasons.forEach(r -> liveSuspect.add(Badges.of(getTranslation("suspect." + r.name()), Badges.Tone.WARN)));
        }
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }
}
