package io.lightsout.lab.idrac;

import io.lightsout.lab.model.Firmware;
import io.lightsout.lab.model.PowerModel;
import io.lightsout.lab.wsman.CimInstance;
import io.lightsout.lab.wsman.CimProvider;
import io.lightsout.lab.wsman.Ns;
import io.lightsout.lab.wsman.WsmanFault;
import io.lightsout.lab.wsman.XmlElement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated Dell iDRAC (Lifecycle Controller) behind WS-Man: the DCIM classes of protocols.md 3, in the
 * {@code schemas.dell.com} namespace; requests may also use the {@code dmtf.org/.../root/dcim/} form.
 */
public final class IdracService implements CimProvider {
    static final Set<String> CLASSES = Set.of("DCIM_SystemView", "DCIM_CPUView", "DCIM_MemoryView", "DCIM_NICView",
            "DCIM_PhysicalDiskView", "DCIM_SoftwareIdentity", "DCIM_ComputerSystem", "DCIM_LifecycleJob",
            "DCIM_OSDConcreteJob", "DCIM_CSPowerManagementService", "DCIM_LCService", "DCIM_OSDeploymentService",
            "DCIM_SoftwareInstallationService", "DCIM_JobService", "DCIM_BIOSService", "DCIM_iDRACCardView",
            "DCIM_CSAssociatedPowerManagementService", "DCIM_BIOSEnumeration", "DCIM_BIOSString", "DCIM_BIOSInteger",
            "DCIM_iDRACCardService", "DCIM_iDRACCardEnumeration", "DCIM_iDRACCardString", "DCIM_iDRACCardInteger");

    final IdracHost host;
    final PowerModel power;
    final Firmware firmware;
    final JobQueue jobs;
    final IdracBios bios;
    final IdracCard card;
    private final IdracMethods methods;
    private volatile Iso iso;
    /** Update packages by job id, listed as AVAILABLE while their job waits or runs. */
    final Map<String, Firmware.Component> staged = new ConcurrentHashMap<>();
    /** Versions replaced by an update, by FQDD, listed as PREVIOUS. */
    final Map<String, Firmware.Component> previous = new ConcurrentHashMap<>();

    /** An attached network ISO. */
    public record Iso(String ipAddress, String shareName, int shareType, String imageName, boolean bootedFrom) {
        public String url() {
            return (shareType == 2 ? "cifs://" : "nfs://") + ipAddress + shareName
                    + (shareName.endsWith("/") ? "" : "/") + imageName;
        }
    }

    public IdracService(IdracHost host, PowerModel power, Firmware firmware, JobQueue jobs, BootMode bootMode) {
        this.host = host;
        this.power = power;
        this.firmware = firmware;
        this.jobs = jobs;
        this.bios = new IdracBios(this, bootMode);
        this.card = new IdracCard(this);
        this.methods = new IdracMethods(this);
    }

    /** The host's BIOS BootMode. */
    public BootMode bootMode() {
        return bios.mode();
    }

    /** Switches the host's BootMode (test set-up; a real host changes it through a BIOS job and a reboot). */
    public void setBootMode(BootMode mode) {
        bios.setMode(java.util.Objects.requireNonNull(mode, "mode"));
    }

    /** Fills a new iDRAC's firmware inventory. */
    public static void defaultFirmware(Firmware fw) {
        fw.add(new Firmware.Component("iDRAC.Embedded.1-1", "25227", "Integrated Dell Remote Access Controller",
                "FRMW", "4.40.00.00"));
        fw.add(new Firmware.Component("BIOS.Setup.1-1", "159", "BIOS", "BIOS", "2.12.2"));
        fw.add(new Firmware.Component("NIC.Integrated.1-1-1", "104", "Broadcom Gigabit Ethernet BCM5720", "FRMW",
                "21.80.8"));
        fw.add(new Firmware.Component("RAID.Integrated.1-1", "20161", "PERC H730P Mini", "FRMW", "25.5.9.0001"));
        fw.add(new Firmware.Component("Disk.Bay.0:Enclosure.Internal.0-1:RAID.Integrated.1-1", "104986",
                "Disk 0 in Backplane 1 of Integrated RAID Controller 1", "FRMW", "LS0A"));
    }

    /** The attached ISO, or null. */
    public Iso iso() {
        return iso;
    }

    void setIso(Iso iso) {
        this.iso = iso;
    }

    /** The jobs, settled to now. */
    public JobQueue jobs() {
        return jobs;
    }

    @Override
    public String classNamespace(String resourceUri) {
        String cls = resourceUri.substring(resourceUri.lastIndexOf('/') + 1);
        boolean known = resourceUri.startsWith(Ns.DCIM) || resourceUri.startsWith(Ns.DCIM_ROOT);
        // python-dracclient and Dell scripts use both CIM_ (dmtf) and DCIM_ names for the power service
        if (resourceUri.equals(Ns.CIM + "CIM_PowerManagementService")) {
            return Ns.DCIM + "DCIM_CSPowerManagementService";
        }
        return known && CLASSES.contains(cls) ? Ns.DCIM + cls : null;
    }

    @Override
    public List<CimInstance> instances(String classNs) {
        String cls = classNs.substring(classNs.lastIndexOf('/') + 1);
        return switch (cls) {
            case "DCIM_SystemView" -> List.of(IdracInventory.systemView(this));
            case "DCIM_CPUView" -> IdracInventory.cpus(host);
            case "DCIM_MemoryView" -> IdracInventory.memory(host);
            case "DCIM_NICView" -> IdracInventory.nics(host);
            case "DCIM_PhysicalDiskView" -> IdracInventory.disks(host);
            case "DCIM_SoftwareIdentity" -> IdracInventory.software(firmware, available(), List.copyOf(previous.values()));
            case "DCIM_ComputerSystem" -> List.of(IdracInventory.computerSystem(power));
            case "DCIM_CSAssociatedPowerManagementService" -> List.of(IdracInventory.associatedPower(power));
            case "DCIM_LifecycleJob" -> IdracInventory.lifecycleJobs(jobs.all());
            case "DCIM_OSDConcreteJob" -> IdracInventory.osdJobs(jobs.all());
            case "DCIM_iDRACCardView" -> List.of(IdracInventory.idracCard(host, firmware));
            case "DCIM_BIOSEnumeration" -> bios.enumerations();
            case "DCIM_iDRACCardEnumeration" -> card.enumerations();
            case "DCIM_iDRACCardString" -> card.strings();
            // attribute classes the lab has no attributes of: clients (python-dracclient) enumerate all three
            case "DCIM_BIOSString", "DCIM_BIOSInteger", "DCIM_iDRACCardInteger" -> List.of();
            default -> IdracInventory.service(cls);
        };
    }

    private List<Firmware.Component> available() {
        List<Firmware.Component> out = new java.util.ArrayList<>();
        Map<String, String> status = new java.util.HashMap<>();
        for (JobQueue.View v : jobs.all()) {
            status.put(v.id(), v.status());
        }
        staged.keySet().retainAll(status.keySet());
        staged.forEach((id, c) -> {
            String st = status.get(id);
            if ("Downloaded".equals(st) || "Scheduled".equals(st) || "Running".equals(st)) {
                out.add(c);
            }
        });
        return out;
    }

    @Override
    public synchronized List<CimInstance.Property> invoke(String classNs, String method, Map<String, String> selectors,
                                             XmlElement input) {
        jobs.all(); // settle job effects before acting
        return methods.invoke(classNs.substring(classNs.lastIndexOf('/') + 1), method, input);
    }

    @Override
    public CimInstance put(String classNs, Map<String, String> selectors, XmlElement body) {
        throw WsmanFault.actionNotSupported(Ns.PUT + " on " + classNs);
    }

    @Override
    public String[] identity() {
        return new String[] {"Dell Inc.", "1.0"};
    }
}
