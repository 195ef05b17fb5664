package dk.hotline.telephony.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** deploy/local/lib.sh's service_env: what `deploy/local/hotline up` hands the adapter. */
class LocalStackEnvironmentTest {

    private static final Path DEPLOY_LOCAL = Path.of("..", "deploy", "local").toAbsolutePath().normalize();

    private static List<String> serviceEnv(String module, String... callerEnv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "source \"$DEPLOY_LOCAL/lib.sh\"; service_env \"$1\"", "service_env", module);
        builder.environment().put("DEPLOY_LOCAL", DEPLOY_LOCAL.toString());
        builder.environment().remove("HOTLINE_AGI_PORT");
        builder.environment().remove("HOTLINE_AMI_PORT");
        for (String pair : callerEnv) {
            String[] kv = pair.split("=", 2);
            builder.environment().put(kv[0], kv[1]);
        }
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    /** env A=1 A=2 keeps the last one: the value the service sees is the last line naming the key. */
    private static String effective(List<String> env, String key) {
        return env.stream().filter(l -> l.startsWith(key + "=")).reduce((a, b) -> b)
                .map(l -> l.substring(key.length() + 1)).orElse(null);
    }

    @Test
    void theCallersEnvironmentOverridesTheDemoValues() throws Exception {
        List<String> env = serviceEnv("telephony-adapter", "HOTLINE_AGI_PORT=15999");

        assertThat(effective(env, "HOTLINE_AGI_PORT")).isEqualTo("15999");
        assertThat(effective(env, "HOTLINE_AMI_PORT")).isEqualTo("5038");
    }

    @Test
    void withoutTheCallersValueTheDemoValueApplies() throws Exception {
        List<String> env = serviceEnv("telephony-adapter");

        assertThat(effective(env, "HOTLINE_AGI_PORT")).isEqualTo("4573");
    }
}
