package app.funnel.mywork.ui;

import app.funnel.activity.FollowUpEntry;
import app.funnel.activity.WorkNames;
import app.funnel.base.ui.Badges;
import app.funnel.base.ui.LiveUpdates;
import app.funnel.base.ui.Messages;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadStatus;
import app.funnel.mywork.MyWork;
import app.funnel.mywork.MyWorkService;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.Stage;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * My work on the home page: one card per list the user's roles give them, each line a link to its
 * record. It reads itself again when one of my records or my notifications changes.
 */
public final class MyWorkPanel extends Div {

    private final MyWorkService service;
    private final WorkNames names;
    private final @Nullable Instant since;

    public MyWorkPanel(MyWorkService service, WorkNames names, LiveUpdates live) {
        this.service = service;
        this.names = names;
        this.since = service.visit();
        setId("my-work");
        addClassName("funnel-my-work");
        refresh();
        Long myId = CurrentUser.get().map(CurrentUser::userId).orElse(null);
        long me = myId == null ? -1L : myId;
        boolean leadership = CurrentUser.get().map(u -> u.has(Role.LEADERSHIP) || u.has(Role.ADMIN)).orElse(false);
        // a change to one of my records (a handoff makes it mine), or any for leadership's team counts
        live.subscribe(this, change -> leadership || (me > 0 && change.ownerId() == me), change -> refresh());
    }

    void refresh() {
        removeAll();
        MyWork work = service.load(since);
        add(new H2(getTranslation("mywork.title")));
        Div cards = new Div();
        cards.addClassName("funnel-cards");
        cards.addClassName("funnel-my-work-cards");
        CurrentUser me = CurrentUser.require();
        boolean sales = me.has(Role.SALES);
        boolean marketing = me.has(Role.MARKETING);
        boolean leadership = me.has(Role.LEADERSHIP) || me.has(Role.ADMIN);
        if (sales) {
            cards.add(card("mywork.sqls", work.sqlsDue().stream().map(l -> sqlLine(work, l, true)).<Component>toList()));
        }
        if (sales || marketing || leadership) {
            cards.add(followUps(work));
        }
        if (sales) {
            cards.add(card("mywork.handed-over", work.handedOver().stream().map(l -> sqlLine(work, l, false)).<Component>toList()));
            cards.add(card("mywork.closing", work.closing().stream().map(d -> dealLine(work, d, false)).<Component>toList()));
            cards.add(card("mywork.stale", work.stale().stream().map(d -> dealLine(work, d, true)).<Component>toList()));
        }
        if (marketing) {
            cards.add(card("mywork.returned", work.returned().stream().map(r -> line(
                    names.path(LeadStatus.LIFECYCLE.recordType(), r.leadId()), r.name(),
                    getTranslation("mywork.returned-by", r.by(), Messages.dateTime(r.at()),
                            r.reason() == null ? "" : r.reason()), null)).toList()));
            cards.add(card("mywork.imports", work.imports().stream().map(i -> line("leads/import", i.fileName(),
                    getTranslation("mywork.import-result", i.created(), i.updated(), i.failed(),
                            Messages.dateTime(i.finishedAt())), null)).toList()));
        }
        if (leadership) {
            cards.add(card("mywork.team", work.team().stream().map(t -> line(
                    "leads?owner=" + t.userId(), t.name(),
                    getTranslation("mywork.team-line", t.overdueSqls(), t.overdueFollowUps()),
                    t.overdueSqls() + t.overdueFollowUps() > 0 ? Badges.Tone.BAD : null)).toList()));
        }
        add(cards);
    }

    private Component followUps(MyWork work) {
        List<Anchor> lines = work.followUps().stream().map(f -> {
            boolean overdue = f.overdue();
            boolean today = !overdue && f.dueAt().isBefore(work.endOfToday());
            String when = getTranslation(overdue ? "mywork.overdue" : today ? "mywork.today" : "mywork.this-week")
                    + " · " + Messages.dateTime(f.dueAt());
            return line(names.path(f.recordType(), f.recordId()), f.title() + " · " + f.recordName(), when,
                    overdue ? Badges.Tone.BAD : today ? Badges.Tone.WARN : null);
        }).toList();
        return card("mywork.follow-ups", lines);
    }

    private Component sqlLine(MyWork work, LeadService.SqlLine sql, boolean deadline) {
        String type = LeadStatus.LIFECYCLE.recordType();
        Instant due = sql.firstTouchDueAt();
        String detail;
        Badges.Tone tone = null;
        if (deadline && due != null) {
            boolean past = due.isBefore(work.now());
            detail = getTranslation(past ? "mywork.sla-past" : "mywork.sla-near", Messages.dateTime(due),
                    hours(Duration.between(work.now(), due).abs()));
            tone = past ? Badges.Tone.BAD : Badges.Tone.WARN;
        } else {
            detail = getTranslation("mywork.handed-at", Messages.dateTime(sql.handedOverAt()));
        }
        if (sql.company() != null) {
            detail = sql.company() + " · " + detail;
        }
        return line(names.path(type, sql.id()), sql.name(), detail, tone, work.lacksNextStep(type, sql.id()));
    }

    private Component dealLine(MyWork work, OpportunityService.DealLine deal, boolean stale) {
        String type = Stage.LIFECYCLE.recordType();
        String detail = getTranslation("stage." + deal.stage().name()) + " · "
                + app.funnel.base.ui.Messages.date(deal.expectedClose())
                + (stale ? " · " + getTranslation("mywork.unchanged-since", Messages.dateTime(deal.updatedAt())) : "");
        return line(names.path(type, deal.id()), deal.name(), detail, stale ? Badges.Tone.WARN : null,
                work.lacksNextStep(type, deal.id()));
    }

    private Anchor line(String path, String title, String detail, Badges.@Nullable Tone tone) {
        return line(path, title, detail, tone, false);
    }

    /**
     * One line as one element (a link whose title, detail and mark are its inner HTML, escaped): a
     * page of My work is some forty lines, and every component is state the server keeps per screen.
     */
    private Anchor line(String path, String title, String detail, Badges.@Nullable Tone tone, boolean noNextStep) {
        Anchor line = new Anchor(path, "");
        line.addClassName("funnel-my-work-line");
        if (tone != null) {
            line.addClassName("tone-" + tone.name().toLowerCase(java.util.Locale.ROOT));
        }
        String html = "<span class=\"title\">" + escape(title) + "</span><span class=\"funnel-muted\">" + escape(detail)
                + "</span>" + (noNextStep ? "<span class=\"funnel-next-step-missing\">"
                + escape(getTranslation("work.no-next-step")) + "</span>" : "");
        line.getElement().setProperty("innerHTML", html);
        return line;
    }

    private static String escape(String text) {
        return org.jsoup.nodes.Entities.escape(text);
    }

    private Component card(String key, List<? extends Component> lines) {
        Card card = new Card();
        card.addClassName("funnel-card");
        card.setId(key.replace('.', '-'));
        card.add(new H3(getTranslation(key) + (lines.isEmpty() ? "" : " (" + lines.size() + ")")));
        if (lines.isEmpty()) {
            Span none = new Span(getTranslation(key + ".none"));
            none.addClassName("funnel-muted");
            card.add(none);
        }
        lines.forEach(card::add);
        return card;
    }

    private String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 60 ? getTranslation("mywork.minutes", minutes) : getTranslation("mywork.hours", minutes / 60);
    }
}
