package app.funnel.base.ui;

import app.funnel.base.RecordTouched;
import app.funnel.base.UsersNotified;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Changes made by one user reach the screens of the others, over Vaadin push: after a change is
 * committed, every subscribed component whose filter matches it gets it in its UI's
 * {@code access}. The fan-out runs on a small pool of its own, holds no lock and no database
 * connection per listening UI, and a burst of changes to one screen is coalesced to the latest:
 * a screen that is behind refreshes once.
 */
@org.springframework.stereotype.Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /**
     * One committed change.
     *
     * @param recordType  {@code LEAD} or {@code OPPORTUNITY} for a record's change, empty for notifications
     * @param recordId    the record, 0 for notifications
     * @param ownerId     the record's owner after the change, 0 for notifications
     * @param users       the users it concerns directly (the notified ones), maybe empty
     * @param by          who made it (a username), empty when not known
     */
    public record Change(String recordType, long recordId, long ownerId, Set<Long> users, String by) {

        public boolean isRecord(String type, long id) {
            return recordType.equals(type) && recordId == id;
        }

        public boolean notifies(long userId) {
            return users.contains(userId);
        }
    }

    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ExecutorService fanOut = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon()
            .name("live-updates-", 0).factory());

    /**
     * Subscribes a component while it is attached: {@code action} runs in its UI's access (with push,
     * the browser sees it at once) for every committed change that {@code filter} accepts.
     */
    public Registration subscribe(Component component, Predicate<Change> filter, Consumer<Change> action) {
        java.util.List<Registration> parts = new java.util.ArrayList<>();
        component.getUI().ifPresent(ui -> parts.add(add(ui, filter, action)));
        Registration attach = component.addAttachListener(e -> parts.add(add(e.getUI(), filter, action)));
        Registration detach = component.addDetachListener(e -> {
            parts.forEach(Registration::remove);
            parts.clear();
        });
        return () -> {
            attach.remove();
            detach.remove();
            parts.forEach(Registration::remove);
            parts.clear();
        };
    }

    private Registration add(UI ui, Predicate<Change> filter, Consumer<Change> action) {
        Subscription subscription = new Subscription(ui, filter, action);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /** How many components listen now (for the benchmark and the logs). */
    public int listening() {
        return subscriptions.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void touched(RecordTouched touched) {
        publish(new Change(touched.recordType(), touched.recordId(), touched.ownerId(), Set.of(), touched.by()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void notified(UsersNotified notified) {
        publish(new Change("", 0, 0, Set.copyOf(notified.userIds()), ""));
    }

    /**
     * How the last change that reached anyone was delivered: to how many subscribers, and how long
     * from its commit until the last of their screens had run its update (server side).
     */
    public record Delivery(int subscribers, long nanos) {
        public double millis() {
            return nanos / 1e6;
        }
    }

    private final AtomicReference<@Nullable Delivery> lastDelivery = new AtomicReference<>();

    public java.util.Optional<Delivery> lastDelivery() {
        return java.util.Optional.ofNullable(lastDelivery.get());
    }

    /** One change on its way to its subscribers: the last one to show it records the delivery. */
    private final class Pending {
        final long start = System.nanoTime();
        final java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(1);
        int subscribers;

        void done() {
            if (left.decrementAndGet() == 0 && subscribers > 0) {
                lastDelivery.set(new Delivery(subscribers, System.nanoTime() - start));
            }
        }
    }

    /** Hands a committed change to every matching subscriber's UI, off the committing thread. */
    public void publish(Change change) {
        Pending pending = new Pending();
        for (Subscription subscription : subscriptions) {
            try {
                if (subscription.filter.test(change)) {
                    pending.subscribers++;
                    pending.left.incrementAndGet();
                    subscription.offer(change, pending, fanOut);
                }
            } catch (RuntimeException filterFailed) {
                log.warn("A live-update filter failed", filterFailed);
            }
        }
        pending.done();
    }

    private final class Subscription {
        final UI ui;
        final Predicate<Change> filter;
        final Consumer<Change> action;
        /** The change waiting to be shown; non-null while one is queued, so that a burst queues once. */
        final AtomicReference<@Nullable Change> waiting = new AtomicReference<>();
        /** Who the screen belongs to: its refresh calls services as that user, as a request would. */
        final org.springframework.security.core.context.SecurityContext user;

        Subscription(UI ui, Predicate<Change> filter, Consumer<Change> action) {
            this.user = org.springframework.security.core.context.SecurityContextHolder.getContext();
            this.ui = ui;
            this.filter = filter;
            this.action = action;
        }

        /** The deliveries waiting for this screen's next update. */
        final java.util.concurrent.ConcurrentLinkedQueue<Pending> deliveries = new java.util.concurrent.ConcurrentLinkedQueue<>();

        void delivered() {
            for (Pending p = deliveries.poll(); p != null; p = deliveries.poll()) {
                p.done();
            }
        }

        void offer(Change change, Pending pending, ExecutorService pool) {
            deliveries.add(pending);
            if (waiting.getAndSet(change) != null) {
                return;
            }
            pool.execute(() -> {
                if (!ui.isAttached()) {
                    subscriptions.remove(this);
                    delivered();
                    return;
                }
                try {
                    ui.access(() -> {
                        Change latest = waiting.getAndSet(null);
                        if (latest == null) {
                            delivered();
                            return;
                        }
                        var before = org.springframework.security.core.context.SecurityContextHolder.getContext();
                        org.springframework.security.core.context.SecurityContextHolder.setContext(user);
                        try {
                            action.accept(latest);
                        } catch (RuntimeException refreshFailed) {
                            log.warn("A live update could not be shown", refreshFailed);
                        } finally {
                            org.springframework.security.core.context.SecurityContextHolder.setContext(before);
                            delivered();
                        }
                    });
                } catch (com.vaadin.flow.component.UIDetachedException gone) {
                    subscriptions.remove(this);
                    delivered();
                }
            });
        }
    }
}
