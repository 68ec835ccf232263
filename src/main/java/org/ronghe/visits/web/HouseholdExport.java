package org.ronghe.visits.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.Xlsx;
import org.ronghe.visits.VisitScope;
import org.ronghe.visits.household.HouseholdImport;
import org.ronghe.visits.household.Households;

/** The households in a scope as a spreadsheet in the import's columns, phones masked as on the pages. */
final class HouseholdExport {

    private HouseholdExport() {
    }

    static void write(Households households, VisitScope scope, Households.Filter filter, HttpServletResponse response) {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"households.xlsx\"");
        try {
            Xlsx.write(response.getOutputStream(), "住户", HouseholdImport.COLUMNS, sink -> households.forEach(scope, filter, l -> {
                HouseholdView v = HouseholdView.of(l, scope);
                sink.accept(Arrays.asList(v.code(), v.community(), v.grid(), v.compound(), v.building(), v.address(), v.headName(),
                        v.headPhone()));
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
