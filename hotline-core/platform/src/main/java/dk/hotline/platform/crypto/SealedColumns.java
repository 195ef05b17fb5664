package dk.hotline.platform.crypto;

import java.util.List;

/** A service's sealed columns, for {@link Resealing}. Each service provides one bean of it. */
public interface SealedColumns {

    List<SealedColumn> all();
}
