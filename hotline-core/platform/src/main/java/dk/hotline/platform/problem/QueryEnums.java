package dk.hotline.platform.problem;

import dk.hotline.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Query parameters naming an enum: a wrong value is a 400 naming the parameter (JAX-RS would answer 404). */
public final class QueryEnums {

    private QueryEnums() {
    }

    /** Null when the parameter is absent. */
    public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.badField(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", "))));
    }
}
