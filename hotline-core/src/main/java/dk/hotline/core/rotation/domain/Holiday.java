package dk.hotline.core.rotation.domain;

import java.time.LocalDate;

/** A public holiday on a date. */
public record Holiday(LocalDate date, PublicHoliday holiday) {

    public String displayName() {
        return holiday.displayName();
    }
}
