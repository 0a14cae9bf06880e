package app.funnel.mywork;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.activity.FollowUpInput;
import app.funnel.activity.FollowUpService;
import app.funnel.activity.RepDayFixture;
import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
class MyWorkIT {

    @Autowired
    MyWorkService myWork;
    @Autowired
    FollowUpService followUps;
    @Autowired
    LeadService leads;
    @Autowired
    DefinitionService definitions;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void each_role_sees_its_own_lists_and_new_handoffs_count_from_the_last_visit() {
        RepDayFixture fixture = new RepDayFixture(leads, definitions, users);
        LeadDetails sql = fixture.sqlOf("beatriz", "MyWork");
        // past its first-touch deadline already
        jdbc.update("UPDATE leads SET first_touch_due_at = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 1 HOUR) WHERE id = ?", sql.id());

        TestLogins.as("beatriz", Role.SALES);
        Instant lastVisit = Instant.now().minus(Duration.ofMinutes(5));
        MyWork mine = myWork.load(lastVisit);
        assertThat(mine.sqlsDue()).extracting(LeadService.SqlLine::id).contains(sql.id());
        assertThat(mine.handedOver()).extracting(LeadService.SqlLine::id).contains(sql.id());
        assertThat(mine.lacksNextStep("LEAD", sql.id())).isTrue();
        assertThat(mine.team()).as("leadership's list").isEmpty();
        assertThat(mine.returned()).as("marketing's list").isEmpty();

        followUps.add("LEAD", sql.id(), new FollowUpInput("Call before noon", Instant.now().plusSeconds(600), null, null));
        mine = myWork.load(lastVisit);
        assertThat(mine.followUps()).extracting(f -> f.title()).contains("Call before noon");
        assertThat(mine.lacksNextStep("LEAD", sql.id())).isFalse();
        assertThat(myWork.load(Instant.now().plusSeconds(1)).handedOver()).as("nothing new since a later visit")
                .extracting(LeadService.SqlLine::id).doesNotContain(sql.id());

        TestLogins.as("paulo", Role.SALES);
        assertThat(myWork.load(lastVisit).sqlsDue()).extracting(LeadService.SqlLine::id).doesNotContain(sql.id());

        TestLogins.as("beatriz", Role.SALES);
        LeadDetails current = leads.get(sql.id());
        leads.returnToMarketing(current.id(), current.version(), "Wrong person");
        TestLogins.as("marketing", Role.MARKETING);
        MyWork marketing = myWork.load(lastVisit);
        assertThat(marketing.returned()).extracting(MyWork.Returned::leadId).contains(sql.id());
        assertThat(marketing.returned()).filteredOn(r -> r.leadId() == sql.id())
                .extracting(MyWork.Returned::reason).containsExactly("Wrong person");
        assertThat(marketing.sqlsDue()).isEmpty();

        TestLogins.as("leadership", Role.LEADERSHIP);
        MyWork team = myWork.load(lastVisit);
        assertThat(team.sqlsDue()).isEmpty();
        assertThat(team.team()).allSatisfy(t -> assertThat(t.overdueSqls() + t.overdueFollowUps()).isPositive());
    }

    @Test
    void a_visit_returns_the_previous_one() {
        TestLogins.as("tiago", Role.SALES);
        myWork.visit();
        Instant before = Instant.now();
        Instant previous = myWork.visit();
        assertThat(previous).isNotNull().isBeforeOrEqualTo(before);
    }
}
