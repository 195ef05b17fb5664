package dk.hotline.contracts.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the reference CSV files (comma separated, header row, no quoting: none of the names contain a comma).
 * Plain Java so the loader (classpath or directory) stays a thin adapter.
 */
public final class ReferenceDataParser {

    public ReferenceDataSet parse(String version, Instant validFrom, Reader municipalities, Reader districts,
                                  Reader territories, Reader infohuse) {
        return new ReferenceDataSet(version, validFrom,
                rows(version, "municipalities.csv", municipalities, List.of("code", "name", "region", "police_district"),
                        c -> new Municipality(c[0], c[1], c[2], c[3])),
                rows(version, "police_districts.csv", districts, List.of("id", "name"),
                        c -> new PoliceDistrict(c[0], c[1])),
                territories == null ? List.of()
                        : rows(version, "territories.csv", territories,
                        List.of("code", "name", "police_district", "ssp_municipality", "note"),
                        c -> new Territory(c[0], c[1], c[2], c[3], c[4])),
                rows(version, "infohuse.csv", infohuse, List.of("police_district", "name"),
                        c -> new Infohus(c[0], c[1])));
    }

    private <T> List<T> rows(String version, String file, Reader reader, List<String> header,
                             Function<String[], T> mapper) {
        List<T> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String first = in.readLine();
            if (first == null || !Arrays.asList(strip(first).split(",", -1)).equals(header)) {
                throw new InvalidReferenceDataException(version + "/" + file + ": header must be " + String.join(",", header));
            }
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != header.size()) {
                    throw new InvalidReferenceDataException(version + "/" + file + " line " + n + ": expected "
                            + header.size() + " columns, found " + cells.length);
                }
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim();
                }
                out.add(mapper.apply(cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String strip(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }
}
