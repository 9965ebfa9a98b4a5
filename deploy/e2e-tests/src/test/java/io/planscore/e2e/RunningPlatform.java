package io.planscore.e2e;

import io.planscore.localrun.Platform;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform for one test class ({@link PlatformFixture#start()}): started before its first test, closed
 * after its last. Register it as a static field with {@code @RegisterExtension}.
 */
final class RunningPlatform implements BeforeAllCallback, AfterAllCallback {

    private Platform platform;

    @Override
    public void beforeAll(ExtensionContext context) {
        platform = PlatformFixture.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (platform != null) {
            platform.close();
        }
    }

    Platform get() {
        return platform;
    }
}
