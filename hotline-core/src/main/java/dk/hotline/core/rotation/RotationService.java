package dk.hotline.core.rotation;

import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.core.rotation.domain.RotationSchedule;
import dk.hotline.core.rotation.domain.ScheduleValidator;
import dk.hotline.core.rotation.domain.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Owns the stored schedule: reads it, and changes it with optimistic locking,
 * validation, an audit row (who, when, before, after) and the replica events,
 * all in one transaction.
 */
@ApplicationScoped
public class RotationService {

    private final ScheduleDocument document;
    private final SchedulePublisher publisher;
    private final Clock clock;

    public RotationService(ScheduleDocument document, SchedulePublisher publisher, Clock clock) {
        this.document = document;
        this.publisher = publisher;
        this.clock = clock;
    }

    @WithSession
    public Uni<RotationSchedule> current() {
        return StoredSchedule.<StoredSchedule>findById(StoredSchedule.THE_ROW)
                .map(row -> row == null ? RotationSchedule.defaults() : document.read(row.document, row.version));
    }

    /**
     * Applies {@code edit} to the current schedule if it is still at
     * {@code expectedVersion}; answers the stored result. Nothing is written
     * when the version is stale (409) or the result breaks a rule (422).
     */
    @WithTransaction
    public Uni<RotationSchedule> change(long expectedVersion, String actor, String description,
                                        UnaryOperator<RotationSchedule> edit) {
        return StoredSchedule.<StoredSchedule>findById(StoredSchedule.THE_ROW)
                .flatMap(row -> {
                    if (row == null || row.version != expectedVersion) {
                        throw staleVersion(expectedVersion, row == null ? 0 : row.version);
                    }
                    RotationSchedule before = document.read(row.document, row.version);
                    RotationSchedule after = validated(edit.apply(before)).withVersion(row.version + 1);
                    String beforeDoc = row.document;
                    row.document = document.write(after);
                    row.updatedAt = clock.instant();
                    row.updatedBy = actor;
                    RotationChange change = new RotationChange();
                    change.id = UUID.randomUUID();
                    change.changedAt = row.updatedAt;
                    change.changedBy = actor;
                    change.description = description;
                    change.versionBefore = before.version();
                    change.versionAfter = after.version();
                    change.beforeDoc = beforeDoc;
                    change.afterDoc = row.document;
                    return change.persist()
                            .flatMap(ignored -> publisher.publish(after))
                            .flatMap(ignored -> StoredSchedule.getSession().flatMap(s -> s.flush()))
                            .replaceWith(after);
                })
                .onFailure(e -> e instanceof OptimisticLockException || e instanceof StaleStateException)
                .transform(e -> staleVersion(expectedVersion, -1));
    }

    /** What {@link #change} would store, without storing it. */
    public Uni<RotationSchedule> dryRun(UnaryOperator<RotationSchedule> edit) {
        return current().map(before -> validated(edit.apply(before)));
    }

    @WithSession
    public Uni<List<RotationChange>> changes(int limit) {
        return RotationChange.<RotationChange>find("order by changedAt desc").page(0, limit).list();
    }

    private static RotationSchedule validated(RotationSchedule schedule) {
        List<Violation> violations = ScheduleValidator.validate(schedule);
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The rotation would break " + violations.size() + " rule(s); nothing was changed",
                    violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        return schedule;
    }

    private static ProblemException staleVersion(long expected, long actual) {
        String detail = actual >= 0
                ? "The rotation is at version " + actual + ", not " + expected + ": reload it and apply your change again"
                : "The rotation was changed by someone else at the same time: reload it and apply your change again";
        return ProblemException.conflict("stale-version", "The rotation has changed", detail,
                List.of(new Problem.FieldError("If-Match", "does not match the current version")));
    }
}
