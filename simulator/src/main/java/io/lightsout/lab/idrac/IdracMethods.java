package io.lightsout.lab.idrac;

import io.lightsout.lab.PowerState;
import io.lightsout.lab.model.Firmware;
import io.lightsout.lab.model.PowerModel;
import io.lightsout.lab.wsman.CimInstance;
import io.lightsout.lab.wsman.Ns;
import io.lightsout.lab.wsman.SoapParser;
import io.lightsout.lab.wsman.WsmanFault;
import io.lightsout.lab.wsman.XmlElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extrinsic methods of the simulated iDRAC. Dell convention (protocols.md 3.1): ReturnValue 0 success,
 * 2 error with Message/MessageID, 4096 job created with a job EPR.
 */
final class IdracMethods {
    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+){1,3})");

    private final IdracService s;
    IdracMethods(IdracService s) {
        this.s = s;
    }

    List<CimInstance.Property> invoke(String cls, String method, XmlElement in) {
        return switch (cls + "." + method) {
            case "DCIM_ComputerSystem.RequestStateChange" -> requestStateChange(in);
            case "DCIM_CSPowerManagementService.RequestPowerStateChange" -> requestPowerStateChange(in);
            case "DCIM_LCService.GetRemoteServicesAPIStatus" -> remoteServicesStatus();
            case "DCIM_SoftwareInstallationService.InstallFromURI" -> installFromUri(in);
            case "DCIM_SoftwareInstallationService.CreateRebootJob", "DCIM_JobService.CreateRebootJob" ->
                    createRebootJob();
            case "DCIM_JobService.SetupJobQueue" -> setupJobQueue(in);
            case "DCIM_JobService.DeleteJobQueue" -> deleteJobQueue(in);
            case "DCIM_OSDeploymentService.BootToNetworkISO" -> attachIso(in, true);
            case "DCIM_OSDeploymentService.ConnectNetworkISOImage" -> attachIso(in, false);
            case "DCIM_OSDeploymentService.DetachISOImage",
                 "DCIM_OSDeploymentService.DisconnectNetworkISOImage" -> detachIso();
            case "DCIM_OSDeploymentService.GetNetworkISOImageConnectionInfo" -> isoInfo();
            case "DCIM_OSDeploymentService.BootToPXE" -> bootTo("PXE");
            case "DCIM_OSDeploymentService.BootToHD" -> bootTo("HDD");
            case "DCIM_BIOSService.SetAttribute", "DCIM_BIOSService.SetAttributes" -> s.bios.setAttributes(in);
            case "DCIM_BIOSService.CreateTargetedConfigJob" -> s.bios.createTargetedConfigJob(in);
            case "DCIM_BIOSService.DeletePendingConfiguration" -> s.bios.deletePendingConfiguration(in);
            case "DCIM_iDRACCardService.SetAttribute", "DCIM_iDRACCardService.SetAttributes" ->
                    s.card.setAttributes(in);
            case "DCIM_iDRACCardService.CreateTargetedConfigJob" -> s.card.createTargetedConfigJob(in);
            default -> throw WsmanFault.actionNotSupported(Ns.DCIM + cls + "/" + method);
        };
    }

    private List<CimInstance.Property> requestStateChange(XmlElement in) {
        PowerModel.Action a = switch (param(in, "RequestedState")) {
            case "2" -> PowerModel.Action.ON;
            case "3" -> PowerModel.Action.OFF_HARD;
            case "11" -> PowerModel.Action.RESET;
            default -> null;
        };
        return power(a);
    }

    private List<CimInstance.Property> requestPowerStateChange(XmlElement in) {
        PowerModel.Action a = switch (param(in, "PowerState")) {
            case "2" -> PowerModel.Action.ON;
            case "5", "9" -> PowerModel.Action.CYCLE;
            case "8", "12" -> PowerModel.Action.OFF_GRACEFUL;
            case "10" -> PowerModel.Action.RESET;
            default -> null;
        };
        return power(a);
    }

    private List<CimInstance.Property> power(PowerModel.Action a) {
        if (a == null) {
            return error("Invalid parameter value for RequestedState.", "SYS023");
        }
        if (!s.power.request(a)) {
            String msg = a == PowerModel.Action.ON ? "Server is already powered ON."
                    : "Server is already powered OFF.";
            return error(msg, "SYS021");
        }
        return ok();
    }

    private List<CimInstance.Property> remoteServicesStatus() {
        boolean busy = s.jobs.busy();
        boolean posting = s.power.transitioning();
        int serverStatus = posting ? 1 : s.power.state() == PowerState.ON ? 2 : 0;
        List<CimInstance.Property> out = new ArrayList<>();
        out.add(v("LCStatus", busy ? "5" : "0"));
        out.add(v("Message", busy ? "Lifecycle Controller Remote Services is not ready."
                : "Lifecycle Controller Remote Services is ready."));
        out.add(v("MessageID", busy ? "LC060" : "LC061"));
        out.add(v("RTStatus", "0"));
        out.add(v("ReturnValue", "0"));
        out.add(v("ServerStatus", String.valueOf(serverStatus)));
        out.add(v("Status", busy ? "1" : "0"));
        return out;
    }

    private List<CimInstance.Property> installFromUri(XmlElement in) {
        String uri = param(in, "URI");
        if (uri == null || uri.isBlank()) {
            return error("URI parameter missing.", "SUP002");
        }
        XmlElement target = in == null ? null : in.childIgnoreCase("Target");
        if (target == null) {
            return error("Target parameter missing.", "SUP002");
        }
        Map<String, String> sel = new LinkedHashMap<>();
        XmlElement set = target.find("SelectorSet");
        if (set != null) {
            SoapParser.readSelectors(set, sel);
        }
        String instanceId = sel.getOrDefault("InstanceID", "");
        Firmware.Component c = null;
        for (Firmware.Component fc : s.firmware.all()) {
            if (IdracInventory.installedId(fc).equals(instanceId)
                    || IdracInventory.identityId("AVAILABLE", fc).equals(instanceId)) {
                c = fc;
            }
        }
        if (c == null) {
            return error("Invalid target: no installed software identity " + instanceId + ".", "SUP024");
        }
        String version = newVersion(uri, c.version());
        String fqdd = c.fqdd();
        boolean fails = uri.toLowerCase().contains("corrupt");
        String id = s.jobs.addFirmware("update:" + IdracInventory.installedId(c), fqdd.startsWith("iDRAC."), fails,
                () -> {
                    Firmware.Component old = s.firmware.get(fqdd);
                    s.previous.put(fqdd, old);
                    s.firmware.setVersion(fqdd, version);
                });
        s.staged.put(id, c.withVersion(version));
        return job(id, "DCIM_LifecycleJob");
    }

    private static String newVersion(String uri, String current) {
        // nfs://ip/file.exe;mountpoint=/export (protocols.md 3.4): the file name is before the ';'
        String path = uri.contains(";") ? uri.substring(0, uri.indexOf(';')) : uri;
        String file = path.substring(path.lastIndexOf('/') + 1);
        Matcher m = VERSION.matcher(file);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        if (found != null && !found.equals(current)) {
            return found;
        }
        Matcher last = Pattern.compile("(\\d+)(?!.*\\d)").matcher(current);
        return last.find() ? current.substring(0, last.start()) + (Long.parseLong(last.group(1)) + 1)
                + current.substring(last.end()) : current + ".1";
    }

    private List<CimInstance.Property> createRebootJob() {
        String id = s.jobs.addReboot(() -> {
            if (!s.power.request(PowerModel.Action.CYCLE)) {
                s.power.request(PowerModel.Action.ON);
            }
        });
        return job(id, "DCIM_LifecycleJob");
    }

    private List<CimInstance.Property> setupJobQueue(XmlElement in) {
        List<String> ids = values(in, "JobArray");
        if (ids.isEmpty()) {
            return error("JobArray parameter missing.", "SUP020");
        }
        // StartTimeInterval TIME_NOW or a time: the lab runs queued jobs as soon as they are downloaded
        Instant start = Instant.EPOCH;
        List<String> missing = s.jobs.schedule(ids, start);
        if (!missing.isEmpty()) {
            return error("Job ID not found: " + String.join(", ", missing) + ".", "SUP011");
        }
        return ok();
    }

    private List<CimInstance.Property> deleteJobQueue(XmlElement in) {
        String id = param(in, "JobID");
        if (id == null || !s.jobs.delete(id)) {
            return error("Invalid Job ID.", "SUP011");
        }
        return ok();
    }

    private List<CimInstance.Property> attachIso(XmlElement in, boolean boot) {
        String ip = param(in, "IPAddress");
        String share = param(in, "ShareName");
        String image = param(in, "ImageName");
        String type = param(in, "ShareType");
        if (ip == null || share == null || image == null || type == null) {
            return error("Missing required parameter (IPAddress, ShareName, ShareType, ImageName).", "OSD7");
        }
        if (s.iso() != null) {
            return error("An ISO image is already attached; detach it first.", "OSD35");
        }
        int shareType;
        try {
            shareType = Integer.parseInt(type);
        } catch (NumberFormatException e) {
            return error("Invalid ShareType.", "OSD7");
        }
        IdracService.Iso iso = new IdracService.Iso(ip, share, shareType, image, boot);
        s.setIso(iso);
        String id = s.jobs.addOsd(boot ? "BootToNetworkISO" : "ConnectNetworkISOImage");
        if (boot) {
            s.power.setBootOverride("ISO:" + iso.url());
            if (!s.power.request(PowerModel.Action.RESET)) {
                s.power.request(PowerModel.Action.ON);
            }
        }
        return job(id, "DCIM_OSDConcreteJob");
    }

    private List<CimInstance.Property> detachIso() {
        if (s.iso() == null) {
            return error("No ISO image is attached.", "OSD32");
        }
        s.setIso(null);
        s.power.setBootOverride(null);
        return ok();
    }

    private List<CimInstance.Property> isoInfo() {
        IdracService.Iso iso = s.iso();
        List<CimInstance.Property> out = new ArrayList<>();
        out.add(v("HostAttachedStatus", iso == null ? "0" : "1"));
        out.add(v("HostBootedFromISO", iso != null && iso.bootedFrom() ? "1" : "0"));
        out.add(v("IPAddr", iso == null ? null : iso.ipAddress()));
        out.add(v("ISOConnectionStatus", iso == null ? "0" : "1"));
        out.add(v("ImageName", iso == null ? null : iso.imageName()));
        out.add(v("ShareName", iso == null ? null : iso.shareName()));
        out.add(v("ReturnValue", "0"));
        return out;
    }

    private List<CimInstance.Property> bootTo(String source) {
        s.power.setBootOverride(source);
        if (!s.power.request(PowerModel.Action.RESET)) {
            s.power.request(PowerModel.Action.ON);
        }
        return ok();
    }

    /** Every value of an array parameter, in order. */
    static List<String> values(XmlElement in, String name) {
        List<String> out = new ArrayList<>();
        if (in != null) {
            for (XmlElement c : in.children()) {
                if (c.name().equalsIgnoreCase(name)) {
                    out.add(c.text());
                }
            }
        }
        return out;
    }

    static String param(XmlElement in, String name) {
        return in == null ? null : in.childText(name);
    }

    static CimInstance.Value v(String n, String value) {
        return new CimInstance.Value(n, value);
    }

    static List<CimInstance.Property> ok() {
        return List.of(v("ReturnValue", "0"));
    }

    static List<CimInstance.Property> error(String message, String messageId) {
        return List.of(v("Message", message), v("MessageID", messageId), v("ReturnValue", "2"));
    }

    static List<CimInstance.Property> job(String id, String jobClass) {
        Map<String, String> sel = new LinkedHashMap<>();
        sel.put("InstanceID", id);
        sel.put("__cimnamespace", "root/dcim");
        return List.of(new CimInstance.Ref("Job", Ns.DCIM + jobClass, sel),
                v("ReturnValue", "4096"));
    }
}
