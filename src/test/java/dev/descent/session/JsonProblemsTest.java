package dev.descent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jackson's real exceptions, told in the user's words with the place. */
class JsonProblemsTest {

    /** Limits lowered so that a test need not build a 20 MB string to meet them. */
    static final ObjectMapper SMALL = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(10).maxNumberLength(5).maxNestingDepth(3).build())
            .build()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"a": "a string longer than ten"}  | not valid JSON: a string is far too long for a Descent file
            {"a": 1234567890123}               | not valid JSON: a number is far too long for a Descent file
            [[[[1]]]]                          | not valid JSON: lists and objects are nested far too deeply for a Descent file
            {"a": NaN}                         | not valid JSON at line 1, column 10: NaN is not a number JSON allows; every number must be finite
            {"a": 1, "a": 2}                   | ambiguous JSON at line 1, column 13: the field "a" appears twice; give each field once
            {"a": 01}                          | not valid JSON at line 1, column 8: a malformed number (numbers look like 0.05, -1.5 or 1e-3)
            {"a": 1]                           | not valid JSON at line 1, column 8: a closing ] that does not match what was opened
            {"a" 1}                            | not valid JSON at line 1, column 6: unexpected '1' (a missing comma or colon?)
            {"a": 'x'}                         | not valid JSON at line 1, column 7: unexpected ''' where a value was expected (a number, a "string" in double quotes, true, false, null, an object or a list)
            """)
    void describesInPlainWords(String json, String expected) {
        JacksonException e = assertThrows(JacksonException.class, () -> SMALL.readTree(json));
        assertEquals(expected, JsonProblems.describe(e));
    }
}
