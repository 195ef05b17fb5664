package dk.hotline.core.contact;

import dk.hotline.core.advice.domain.AdviceTheme;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of themes in one column, as "A,B" in declaration order. */
@Converter
public class AdviceThemesConverter implements AttributeConverter<Set<AdviceTheme>, String> {

    @Override
    public String convertToDatabaseColumn(Set<AdviceTheme> themes) {
        if (themes == null || themes.isEmpty()) {
            return null;
        }
        return EnumSet.copyOf(themes).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<AdviceTheme> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return EnumSet.noneOf(AdviceTheme.class);
        }
        return Arrays.stream(column.split(",")).map(AdviceTheme::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AdviceTheme.class)));
    }
}
