package dk.hotline.platform.crypto;

import io.quarkus.arc.Arc;

import java.util.regex.Pattern;

/**
 * Where a sealed value lives: its table, the column holding the row's id, and
 * its own column. The place is the associated data of the value's ciphertext
 * ({@link FieldCipher}), so a value opens only where it was sealed.
 *
 * <p>Entities are not CDI beans, so {@link #seal} and {@link #open} take the
 * service's one {@link FieldCipher} from the container; an entity's accessors
 * call them with its id, and Panache routes every field access through those
 * accessors.
 */
public record SealedColumn(String table, String idColumn, String column) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public SealedColumn {
        for (String name : new String[] {table, idColumn, column}) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("a sealed column is named by plain SQL identifiers, not '" + name + "'");
            }
        }
    }

    public String seal(Object rowId, String plain) {
        return cipher().seal(this, rowId, plain);
    }

    public String open(Object rowId, String stored) {
        return cipher().open(this, rowId, stored);
    }

    @Override
    public String toString() {
        return table + "." + column;
    }

    private static FieldCipher cipher() {
        return Arc.container().instance(FieldCipher.class).get();
    }
}
