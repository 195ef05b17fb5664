package dk.hotline.platform.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jboss.resteasy.reactive.server.Cancellable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Rules every service's architecture test applies to its REST resources. A request's database work finishes even when
 * the client goes away: Quarkus REST would otherwise cancel the resource's {@code Uni} on disconnect, mid-transaction,
 * and Hibernate Reactive can leak the pooled connection on such a cancellation (quarkusio/quarkus#51576,
 * hibernate-reactive#4133). Quarkus reads {@code @Cancellable} only on the method or its class (no package, parent or
 * global default), so each resource class carries {@code @Cancellable(false)} and this rule fails the build when one
 * does not. See docs/decisions/client-disconnect.md.
 */
public final class ResourceRules {

    private ResourceRules() {
    }

    /** A resource class answering a {@code Uni} is not cancelled by a client that disconnects. */
    public static final ArchRule REQUESTS_OUTLIVE_THEIR_CLIENT = classes()
            .that().areAnnotatedWith("jakarta.ws.rs.Path")
            .and(new DescribedPredicate<JavaClass>("answer a Uni") {
                @Override
                public boolean test(JavaClass type) {
                    return type.getMethods().stream().map(JavaMethod::getRawReturnType)
                            .anyMatch(r -> r.isEquivalentTo(io.smallrye.mutiny.Uni.class));
                }
            })
            .should(new ArchCondition<JavaClass>("be annotated @Cancellable(false)") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    boolean kept = type.tryGetAnnotationOfType(Cancellable.class).map(c -> !c.value()).orElse(false);
                    if (!kept) {
                        events.add(SimpleConditionEvent.violated(type, type.getName()
                                + " answers a Uni but is not @Cancellable(false): a client that disconnects would cancel its transaction"));
                    }
                }
            });
}
