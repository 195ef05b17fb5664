package dk.hotline.core.rotation.domain;

import java.util.Objects;

/** One rule that decided one part of an answer, with a human explanation in English. */
public record Decision(RuleKind kind, String explanation) {
    public Decision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explanation, "explanation");
    }
}
