package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.LISTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static final Template STATUS = Template.update("listings.status", LISTINGS, List.of(LISTINGS.STATUS),
            List.of(LISTINGS.LISTING_ID));

    @Test
    void rendersAnUpdateWithTheSetColumnsBoundBeforeTheKeys() {
        assertEquals("update \"listings\" set \"status\" = ? where \"listings\".\"listing_id\" = ?", STATUS.sql());
        assertEquals(0, STATUS.position(LISTINGS.STATUS));
        assertEquals(1, STATUS.position(LISTINGS.LISTING_ID));
    }

    @Test
    void rendersAnInsertWithOneBindPerColumnInTheOrderListed() {
        Template insert = Template.insert("listings.insert", LISTINGS, LISTINGS.LISTING_ID, LISTINGS.STATUS);
        assertEquals("insert into \"listings\" (\"listing_id\", \"status\") values (?, ?)", insert.sql());
        assertEquals(1, insert.position(LISTINGS.STATUS));
    }

    @Test
    void refusesBindValuesOfTheWrongCount() {
        assertThrows(IllegalArgumentException.class, () -> STATUS.binds("OPEN"));
        assertThrows(IllegalArgumentException.class, () -> STATUS.position(LISTINGS.SELLER));
    }
}
