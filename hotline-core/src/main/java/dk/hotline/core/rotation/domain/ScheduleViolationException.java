package dk.hotline.core.rotation.domain;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a {@link Rotation} is built from a schedule that breaks the rules; carries every violation. */
public class ScheduleViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ScheduleViolationException(List<Violation> violations) {
        super("invalid rotation schedule: " + violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
