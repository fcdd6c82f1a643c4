package io.lightsout.wsman.cli;

import io.lightsout.wsman.CimInstance;
import io.lightsout.wsman.EnumerateOptions;
import io.lightsout.wsman.IdentifyResult;
import io.lightsout.wsman.InvokeResult;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanException;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.profile.MethodFailedException;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lightsout wsman identify|get|enumerate|invoke}: one WS-Man call, printed as XML or JSON. Exit 0 on
 * success; 1 with a one-line message on stderr for a fault, an auth/TLS/network failure or a method that returned
 * an error; 2 for bad arguments.
 */
@Command(name = "wsman", mixinStandardHelpOptions = true, description = "Raw WS-Management calls to a BMC.",
        subcommands = {WsmanCommand.Identify.class, WsmanCommand.Get.class, WsmanCommand.Enumerate.class,
                WsmanCommand.Invoke.class})
public final class WsmanCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard input, replaceable for tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The shared body of every subcommand: open a client, run, map errors to one line and an exit code. */
    abstract static class Call implements Callable<Integer> {
        @Mixin
        ConnectionOptions options;

        @CommandLine.ParentCommand
        WsmanCommand parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        abstract String run(WsmanSession session);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (WsmanClient client = WsmanClient.create()) {
                WsmanSession s = options.session(client, parent.stdin, err::println);
                out.println(run(s));
                return 0;
            } catch (WsmanException | MethodFailedException | IOException e) {
                err.println("wsman: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                err.println("wsman: " + e.getMessage());
                return 2;
            } finally {
                out.flush();
                err.flush();
            }
        }
    }

    @Command(name = "identify", mixinStandardHelpOptions = true,
            description = "Identify: protocol version, vendor, product version.")
    static final class Identify extends Call {
        @Override
        String run(WsmanSession s) {
            IdentifyResult r = s.identify();
            if (options.json) {
                StringBuilder sb = new StringBuilder("{\"ProtocolVersion\": ");
                Output.string(sb, r.protocolVersion()).append(", \"ProductVendor\": ");
                Output.string(sb, r.productVendor()).append(", \"ProductVersion\": ");
                return Output.string(sb, r.productVersion()).append('}').toString();
            }
            return "ProtocolVersion: " + r.protocolVersion() + "\nProductVendor: " + r.productVendor()
                    + "\nProductVersion: " + r.productVersion();
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Get one instance.")
    static final class Get extends Call {
        @Option(names = "--selector", description = "instance key name=value (repeatable)")
        List<String> selectors = new ArrayList<>();

        @Override
        String run(WsmanSession s) {
            CimInstance i = s.get(options.resourceUri(), Values.selectors(selectors));
            return options.json ? Output.json(i) : Output.xml(i.xml()).stripTrailing();
        }
    }

    @Command(name = "enumerate", mixinStandardHelpOptions = true,
            description = "Enumerate every instance of a class (Enumerate + Pull).")
    static final class Enumerate extends Call {
        @Option(names = "--filter", description = "WQL filter, e.g. select * from DCIM_LifecycleJob where ...")
        String filter;

        @Override
        String run(WsmanSession s) {
            EnumerateOptions o = EnumerateOptions.defaults();
            if (filter != null) {
                o = o.withFilter(new EnumerateOptions.Filter(EnumerateOptions.Filter.WQL, filter));
            }
            List<CimInstance> all = s.instances(options.resourceUri(), o);
            if (options.json) {
                return Output.jsonArray(all);
            }
            return Output.xmlItems(all.stream().map(CimInstance::xml).toList()).stripTrailing();
        }
    }

    @Command(name = "invoke", mixinStandardHelpOptions = true,
            description = "Invoke a method; prints its output parameters.")
    static final class Invoke extends Call {
        @Option(names = "--method", required = true, description = "method name, e.g. RequestPowerStateChange")
        String method;

        @Option(names = "--selector", description = "instance key name=value (repeatable)")
        List<String> selectors = new ArrayList<>();

        @Option(names = "--param", description = "input name=value (repeat a name for an array;"
                + " epr:CLASS?Key=Val&... for a reference)")
        List<String> params = new ArrayList<>();

        @Override
        String run(WsmanSession s) {
            InvokeResult r = MethodFailedException.check(s.invoke(options.resourceUri(), method,
                    Values.selectors(selectors), Values.parameters(params)));
            return options.json ? Output.json(r.output()) : Output.xml(r.output().xml()).stripTrailing();
        }
    }
}
