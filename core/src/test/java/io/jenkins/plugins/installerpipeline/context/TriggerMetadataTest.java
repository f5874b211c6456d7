package io.jenkins.plugins.installerpipeline.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** What a triggered build sees in its environment. */
public class TriggerMetadataTest {

    private static TriggerMetadata withMetaData(Map<String, String> metaData) {
        return new TriggerMetadata("ci/kolibri", "ci/kolibri#7", Optional.empty(), Optional.empty(),
                Optional.of("abc123"), Optional.of("develop"), Optional.of("msg"),
                Map.of("INSTALLER_META_DATA", "forged"), "[]", metaData);
    }

    @Test
    public void metaDataReachesTheBuildAsAJsonObjectInOrder() throws Exception {
        Map<String, String> metaData = new LinkedHashMap<>();
        metaData.put("release-notes", "Fixes \"quotes\" and\nnew lines");
        metaData.put("artifact-id", "42");
        String json = withMetaData(metaData).environment().get(TriggerMetadata.META_DATA);
        assertThat(json).startsWith("{\"release-notes\":");
        assertThat(new ObjectMapper().readValue(json, new TypeReference<Map<String, String>>() {})).isEqualTo(metaData);
    }

    @Test
    public void noMetaDataIsAnEmptyObjectAndTheDefinitionCannotForgeIt() {
        assertThat(withMetaData(Map.of()).environment()).containsEntry(TriggerMetadata.META_DATA, "{}");
        TriggerMetadata old = new TriggerMetadata("ci/kolibri", "ci/kolibri#7", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), "[]");
        assertThat(old.metaData()).isEmpty();
        assertThat(old.environment()).containsEntry(TriggerMetadata.META_DATA, "{}");
    }
}
