package app.funnel.definition;

/** A record whose criteria are confirmed: a lead or an opportunity, by id. */
public record RecordRef(String type, long id) {

    public static RecordRef lead(long id) {
        return new RecordRef("LEAD", id);
    }

    public static RecordRef opportunity(long id) {
        return new RecordRef("OPPORTUNITY", id);
    }
}
