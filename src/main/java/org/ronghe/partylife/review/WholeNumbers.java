package org.ronghe.partylife.review;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Whole numbers in a review's JSON bodies (years, ballots, votes, a meeting's id) as JSON numbers only: Jackson would
 * otherwise read the text "１" (full-width) or "12" as a number, so a count could arrive as words.
 */
final class WholeNumbers {

    private WholeNumbers() {
    }

    static final class Int extends StdDeserializer<Integer> {

        Int() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return parser.getIntValue();
            }
            return (Integer) context.handleUnexpectedToken(Integer.class, parser);
        }
    }

    static final class Long extends StdDeserializer<java.lang.Long> {

        Long() {
            super(java.lang.Long.class);
        }

        @Override
        public java.lang.Long deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return parser.getLongValue();
            }
            return (java.lang.Long) context.handleUnexpectedToken(java.lang.Long.class, parser);
        }
    }
}
