/**
 * Lead capture: forms on websites post to {@code /api/capture/{formKey}}; admin manages the forms.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.capture;
