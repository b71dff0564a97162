// Demo content for Rolebook: the after-sales service department of an
// authorised car dealership. Pure data, no imports.

export type SeedTask = { title: string; description: string };
export type SeedResponsibility = {
  title: string;
  description: string;
  tasks: SeedTask[];
  standards?: {
    category: "gestures" | "vocabulary" | "distance" | "appearance" | "speed" | "safety";
    text: string;
  }[];
  whenWrong?: { steps: string; escalateTo: string };
  decisionRights?: { decision: string; limit: string }[];
  evaluation?: { criterion: string; good: string }[];
  capabilities?: { name: string; kind: "technical" | "interpersonal" | "customer" }[];
};
export type SeedJobRole = {
  slug: string; // kebab-case, e.g. "service-advisor"
  title: string;
  purpose: string; // 1–3 sentences: why this role exists, for the customer and the business
  ownerEmail: string; // the person responsible for the role description (a manager or HR email below)
  responsibilities: SeedResponsibility[];
};
export type SeedTeam = { slug: "reception" | "workshop" | "parts-care"; name: string; managerEmail: string };
export type SeedPerson = {
  name: string;
  email: string; // lower-case, @example.com
  appRole: "hr_admin" | "manager" | "supervisor" | "employee";
  jobRole: string; // slug of a SeedJobRole
  team: SeedTeam["slug"] | null;
  reportsTo: string | null; // email of another SeedPerson
  startDaysAgo: number; // 0 = starts today; 730 = two years ago
  locale: "en" | "tr" | "lv" | "lt" | "nl" | "ro" | null;
  phone: string; // e.g. "+31 20 555 0142" (fictional)
};

export const jobRoles: SeedJobRole[] = [
  // ---------------------------------------------------------------------------
  {
    slug: "service-advisor",
    title: "Service Advisor",
    purpose:
      "The Service Advisor is the customer's single point of contact from booking to handover. They turn the customer's concern into a clear repair order, get approval before any work is done and make sure the customer leaves understanding what was done and what it cost.",
    ownerEmail: "manager@example.com",
    responsibilities: [
      {
        title: "Vehicle reception and walk-around check",
        description:
          "Receive every booked and walk-in vehicle personally and record its condition together with the customer before the keys go to the workshop.",
        tasks: [
          {
            title: "Greet the customer within 2 minutes",
            description:
              "Acknowledge every customer at the reception desk within 2 minutes of arrival, even if you are on the phone. Check the booking in the DMS before they reach the desk.",
          },
          {
            title: "Walk-around check with the customer",
            description:
              "Walk around the vehicle with the customer and record mileage, fuel level, warning lights and existing damage on the tablet check-in form. Take at least **4 photos** (one per side) and attach them to the repair order.",
          },
          {
            title: "Record the concern in the customer's words",
            description:
              "Write the complaint as the customer describes it (when, how often, at what speed, hot or cold engine). Ask whether the technician may take the customer along on a test drive if the fault is hard to reproduce.",
          },
          {
            title: "Fit protective covers and tag the keys",
            description:
              "Fit seat, steering-wheel and floor-mat covers before the car is moved. Attach the key tag with the repair-order number and hang the keys in the dispatch key cabinet.",
          },
        ],
        standards: [
          {
            category: "gestures",
            text:
              "Stand up, make eye contact and smile when the customer reaches the desk, even if you are still finishing a call.",
          },
          {
            category: "vocabulary",
            text:
              "Greet with **\"Good morning, welcome to [dealership]. I'm [name], are you here for your service appointment?\"** and use the customer's surname from the booking.",
          },
          {
            category: "distance",
            text:
              "Keep about an arm's length (1 m) at the desk; during the walk-around, walk beside the customer, not ahead of them.",
          },
          {
            category: "appearance",
            text: "Clean company uniform with name badge; no personal phone visible at the desk.",
          },
        ],
        whenWrong: {
          steps:
            "1. If the customer was kept waiting, apologise by name and offer a coffee in the lounge.\n2. If damage is disputed later, show the check-in photos to the customer calmly; do not argue or admit fault.\n3. Record the dispute on the repair order and hand it over the same day.",
          escalateTo: "Service Manager (same day)",
        },
        decisionRights: [
          {
            decision: "Accept a walk-in without a booking",
            limit: "Yes, if the planning board shows at least 1 free hour today; otherwise offer the next free slot.",
          },
          {
            decision: "Refuse to move a vehicle into the workshop",
            limit:
              "For cars that are unsafe to drive or show a damaged high-voltage battery; tell the Workshop Foreman at once.",
          },
        ],
        evaluation: [
          {
            criterion: "Greeting time",
            good: "95% of customers greeted within 2 minutes (mystery shopper, quarterly).",
          },
          {
            criterion: "Check-in completeness",
            good:
              "Every repair order has mileage, fuel level and at least 4 photos (audit of 10 random repair orders per month).",
          },
        ],
        capabilities: [
          { name: "Tablet check-in app and DMS booking screens", kind: "technical" },
          { name: "Asking open questions to pin down intermittent faults", kind: "interpersonal" },
          { name: "Warning lights and the brand's current model range", kind: "customer" },
        ],
      },
      {
        title: "Repair orders, estimates and customer approval",
        description:
          "Make sure no work is started without an open repair order and that the customer approves every cost before it is incurred.",
        tasks: [
          {
            title: "Open the repair order before the car enters the workshop",
            description:
              "Create the repair order in the DMS with correct customer, VIN, mileage and one job line per concern. Print the job card and hand it to the Workshop Foreman with the keys.",
          },
          {
            title: "Call the customer with a written estimate",
            description:
              "Call the customer within **30 minutes** of receiving the technician's diagnosis and send the written estimate by SMS or e-mail from the DMS. Explain what is urgent (red) and what can wait (amber).",
          },
          {
            title: "Record customer approval",
            description:
              "Log who approved, when and how (phone, SMS link, in person) on the repair order. Never let the final invoice exceed the approved amount by more than 10% without a new approval.",
          },
        ],
        standards: [
          {
            category: "vocabulary",
            text:
              "Explain the work in plain language, without part numbers or jargon, and always state prices **including VAT**.",
          },
          {
            category: "speed",
            text:
              "Call with the estimate within 30 minutes of the diagnosis; if the customer does not answer, send an SMS and try again within 1 hour.",
          },
        ],
        whenWrong: {
          steps:
            "1. If work was done without approval, stop any further work on the car and tell the Workshop Foreman.\n2. Call the customer, explain honestly what happened and do not charge the unapproved work unless they agree.\n3. Record the case on the repair order.",
          escalateTo: "Service Manager",
        },
        decisionRights: [
          {
            decision: "Goodwill discount on labour",
            limit: "Up to €50 per visit without approval; above that, the Service Manager decides.",
          },
          {
            decision: "Final invoice above the approved estimate",
            limit: "Up to 10% over the approved amount; beyond that, a new customer approval is required.",
          },
          {
            decision: "Waive the diagnosis charge",
            limit: "Up to 0.5 hours when the customer approves the repair that follows; longer diagnoses are always charged.",
          },
        ],
        evaluation: [
          {
            criterion: "Estimate call-back time",
            good: "90% of customers called within 30 minutes of diagnosis (DMS report, monthly).",
          },
          {
            criterion: "Health-check conversion",
            good: "At least 30% of amber and red items sold (DMS health-check report, monthly).",
          },
          {
            criterion: "Invoice disputes",
            good: "Fewer than 1 in 100 invoices disputed because the amount exceeded the estimate.",
          },
        ],
        capabilities: [
          { name: "Repair orders, labour codes and estimates in the DMS", kind: "technical" },
          { name: "Explaining findings and prices by phone without pressure", kind: "interpersonal" },
        ],
      },
      {
        title: "Warranty, recalls and goodwill",
        description:
          "Make sure manufacturer-funded work is identified at check-in and documented so the dealership is reimbursed.",
        tasks: [
          {
            title: "Warranty claim paperwork",
            description:
              "For every warranty job, complete the claim form with the customer complaint, cause and correction, attach the diagnostic session log and photos, and submit it in the manufacturer warranty portal within 5 working days of repair.",
          },
          {
            title: "Check open recalls and field actions on every VIN",
            description:
              "Run the VIN through the manufacturer portal at check-in. Add any open recall or field action to the repair order and tell the customer it will be done free of charge during the visit.",
          },
        ],
        standards: [
          {
            category: "vocabulary",
            text:
              "Never promise that a repair is covered before the manufacturer approves it; say **\"We will check with the manufacturer and call you by [time].\"**",
          },
          { category: "speed", text: "Run the recall check before the customer leaves the desk at check-in." },
        ],
        whenWrong: {
          steps:
            "1. If a claim is rejected, read the rejection code in the warranty portal the same day.\n2. Add the missing evidence (diagnostic log, photos, causal part) and resubmit before the portal deadline.\n3. If it cannot be rescued, agree with the Service Manager whether to write it off; never bill the customer afterwards without their agreement.",
          escalateTo: "Workshop Foreman for technical evidence; Service Manager for write-offs",
        },
        decisionRights: [
          {
            decision: "Classify a job as warranty at check-in",
            limit:
              "Yes, if the car is within the manufacturer's warranty period and mileage; borderline cases are decided by the Workshop Foreman after diagnosis.",
          },
          {
            decision: "Courtesy car for recall work",
            limit: "Always for safety recalls; for other field actions only if a car is free that day.",
          },
        ],
        evaluation: [
          {
            criterion: "Claim rejection rate",
            good: "Under 3% of warranty claims rejected or debited (warranty portal report, monthly).",
          },
          {
            criterion: "Recall completion",
            good: "Every open recall on a visiting VIN is done during the visit or booked before the customer leaves.",
          },
        ],
        capabilities: [
          { name: "Manufacturer warranty portal and claim coding", kind: "technical" },
          { name: "Warranty, extended-warranty and mobility-guarantee conditions of the brand", kind: "customer" },
        ],
      },
      {
        title: "Vehicle handover and invoice explanation",
        description:
          "Hand back every vehicle clean, on time and with an invoice the customer understands.",
        tasks: [
          {
            title: "Explain the invoice line by line",
            description:
              "Go through labour, parts and any approved extra work with the customer at the desk. Show the vehicle health check results and photos of any amber items.",
          },
          {
            title: "Offer the replaced parts",
            description:
              "Offer the customer the old parts (except warranty and exchange parts, which must go back to the manufacturer). Note their choice on the repair order.",
          },
          {
            title: "Book the next visit before the customer leaves",
            description:
              "Book the next service or any amber item the customer postponed, and confirm the date by SMS from the DMS.",
          },
        ],
        standards: [
          {
            category: "gestures",
            text: "Hand the keys over personally with a smile and walk the customer to their car.",
          },
          {
            category: "vocabulary",
            text:
              "Close with **\"Thank you for choosing us, [Mr/Ms surname]. You may receive a short survey from [brand]; we would value your feedback.\"**",
          },
          {
            category: "distance",
            text: "Stand beside the customer, not across the desk, when going through the invoice on the screen.",
          },
          {
            category: "speed",
            text: "Have the invoice printed before the customer arrives; the handover takes no longer than 10 minutes.",
          },
        ],
        whenWrong: {
          steps:
            "1. If the car will not be ready on time, call the customer before they set off.\n2. Offer a courtesy car or a lift home.\n3. If the customer is already waiting, apologise, give a realistic time and offer a drink in the lounge.",
          escalateTo: "Workshop Foreman; Service Manager if the delay is over 1 hour",
        },
        decisionRights: [
          {
            decision: "Waive a small charge at handover",
            limit:
              "Up to €25 (e.g. screen wash, a bulb) to settle a misunderstanding; record the reason on the invoice.",
          },
        ],
        evaluation: [
          {
            criterion: "On-time handover",
            good: "95% of cars handed over at or before the promised time (DMS promised-time report).",
          },
          {
            criterion: "Next visit booked",
            good: "At least 40% of customers leave with their next appointment booked.",
          },
        ],
        capabilities: [
          { name: "Reading labour and parts lines on a DMS invoice", kind: "technical" },
          { name: "Presenting costs confidently and handling price objections", kind: "interpersonal" },
        ],
      },
      {
        title: "Courtesy cars",
        description:
          "Manage the courtesy-car fleet booked with service appointments so every car goes out safe and comes back accounted for.",
        tasks: [
          {
            title: "Check out a courtesy car",
            description:
              "Copy the customer's driving licence, record mileage, fuel level and existing damage, and have the customer sign the courtesy-car agreement before handing over the keys.",
          },
          {
            title: "Check in a courtesy car",
            description:
              "On return, compare mileage, fuel and damage with the check-out record. Charge missing fuel per the price list and log any new damage or traffic fines in the fleet log the same day.",
          },
        ],
        standards: [
          {
            category: "safety",
            text:
              "Never hand over a courtesy car without a valid driving licence and signed agreement; check tyres, lights and charge or fuel level first.",
          },
          {
            category: "speed",
            text: "Check-out takes no longer than 10 minutes when the agreement was prepared the day before.",
          },
        ],
        whenWrong: {
          steps:
            "1. If a courtesy car comes back damaged, photograph the damage with the customer present.\n2. Ask the customer to sign the damage report and record it in the fleet log.\n3. Take the car out of service if it is not safe to drive.",
          escalateTo: "Service Manager (same day)",
        },
        decisionRights: [
          {
            decision: "Extend a courtesy-car loan",
            limit: "Up to 2 extra days when the repair is delayed by parts; longer only with Service Manager approval.",
          },
          {
            decision: "Waive the fuel charge",
            limit: "Once per customer, up to a quarter tank; otherwise charge per the price list.",
          },
        ],
        evaluation: [
          {
            criterion: "Fleet log accuracy",
            good: "Every loan has check-out and check-in records with mileage and fuel (monthly fleet audit).",
          },
          { criterion: "Unrecovered costs", good: "No damage or traffic fine left uncharged 30 days after return." },
        ],
        capabilities: [
          { name: "Courtesy-car booking in the DMS and the loan agreement", kind: "technical" },
          { name: "Insurance excess and licence rules for loan cars", kind: "customer" },
        ],
      },
    ],
  },
  // ---------------------------------------------------------------------------
  {
    slug: "technician",
    title: "Technician",
    purpose:
      "The Technician diagnoses and repairs customer vehicles to the manufacturer's procedures, first time right. Accurate diagnosis and honest reporting let the advisors give customers reliable estimates and keep the workshop profitable.",
    ownerEmail: "manager@example.com",
    responsibilities: [
      {
        title: "Diagnosis",
        description:
          "Find the root cause of the customer's concern quickly and report it in a way the Service Advisor can explain to the customer.",
        tasks: [
          {
            title: "Verify the customer concern",
            description:
              "Reproduce the complaint before replacing anything, using a road test where needed. If you cannot reproduce it, note the conditions you tested under on the job card.",
          },
          {
            title: "Run and save the diagnostic session",
            description:
              "Connect the manufacturer diagnostic tool, read all control units and follow the guided fault finding. Save the session log to the repair order; warranty claims are rejected without it.",
          },
          {
            title: "Report findings within 60 minutes",
            description:
              "Send the diagnosis, required parts and labour time to the Service Advisor through the DMS within 60 minutes of clocking on to the job, so the customer can be called with an estimate.",
          },
        ],
        standards: [
          { category: "speed", text: "Report the diagnosis in the DMS within 60 minutes of clocking on to the job." },
          {
            category: "safety",
            text:
              "Road test only on the approved route with seat covers fitted, within speed limits, also when the customer rides along.",
          },
          {
            category: "vocabulary",
            text:
              "Write findings as **concern – cause – correction** in plain words the advisor can read out to the customer.",
          },
        ],
        whenWrong: {
          steps:
            "1. If the fault is not found within 2 hours, stop and tell the Workshop Foreman.\n2. Save the diagnostic session and note what you have tested.\n3. The Foreman decides whether to open a technical assistance case with the manufacturer.",
          escalateTo: "Workshop Foreman (after 2 hours)",
        },
        decisionRights: [
          {
            decision: "Road test length",
            limit: "Up to 15 km on the approved route; longer tests need the Workshop Foreman's approval.",
          },
          {
            decision: "Extra diagnostic time",
            limit:
              "Up to 30 minutes beyond the booked time; more must be approved by the customer through the Service Advisor.",
          },
        ],
        evaluation: [
          {
            criterion: "Diagnosis report time",
            good: "90% of diagnoses reported in the DMS within 60 minutes (DMS report, monthly).",
          },
          {
            criterion: "First-time fix",
            good: "Fewer than 2% of your jobs return within 30 days for the same concern.",
          },
        ],
        capabilities: [
          { name: "Manufacturer diagnostic tool and guided fault finding", kind: "technical" },
          { name: "Wiring diagrams, multimeter and oscilloscope", kind: "technical" },
          { name: "Known faults and technical service bulletins for the brand's models", kind: "customer" },
        ],
      },
      {
        title: "Repair to manufacturer procedure",
        description:
          "Carry out approved work exactly as described in the current manufacturer repair information.",
        tasks: [
          {
            title: "Follow the current workshop manual",
            description:
              "Open the procedure in the manufacturer repair portal for every job, even routine ones; procedures and torque values change between model years. Never work from memory or printed copies.",
          },
          {
            title: "Torque and record safety-critical fasteners",
            description:
              "Torque wheels, brake callipers and suspension fasteners with a calibrated torque wrench to specification and tick them off on the job card. Re-torque reminder stickers go on every car that had its wheels off.",
          },
          {
            title: "Clock on and off every job",
            description:
              "Clock on in the DMS when you start a job line and off when you stop, including waiting for parts. Accurate clocking is how the workshop measures efficiency and how warranty labour is paid.",
          },
          {
            title: "Stop and report additional work",
            description:
              "If you find extra work, stop and report it to the Service Advisor with photos. Do not carry out unapproved work, however small.",
          },
        ],
        standards: [
          {
            category: "safety",
            text:
              "Torque every wheel, calliper and suspension fastener with a calibrated torque wrench and paint-mark it.",
          },
          {
            category: "appearance",
            text:
              "Clean hands or fresh gloves, and seat and steering-wheel covers fitted whenever you sit in a customer's car.",
          },
        ],
        whenWrong: {
          steps:
            "1. If you make a mistake or damage a part, stop and tell the Workshop Foreman immediately; never fix it quietly.\n2. Photograph the damage and note it on the job card.\n3. The Foreman informs the Service Advisor, who calls the customer.",
          escalateTo: "Workshop Foreman (immediately)",
        },
        decisionRights: [
          {
            decision: "Replace small parts required by the procedure",
            limit: "Single-use bolts, clips and seals up to €15 in total; anything else needs customer approval.",
          },
          {
            decision: "Mark a car unsafe to drive",
            limit: "Yes, for any red safety item; the Workshop Foreman confirms it at QC.",
          },
        ],
        evaluation: [
          {
            criterion: "Efficiency",
            good: "Clocked hours between 100% and 115% of sold hours (DMS efficiency report, monthly).",
          },
          {
            criterion: "Clocking discipline",
            good: "No clock-ons left open at the end of the day; 100% of job lines clocked.",
          },
        ],
        capabilities: [
          { name: "Manufacturer repair portal and torque specifications", kind: "technical" },
          { name: "Brand repair certification at the level in the training matrix", kind: "technical" },
        ],
      },
      {
        title: "Service inspections and vehicle health check",
        description:
          "Give every customer an honest, documented picture of their vehicle's condition.",
        tasks: [
          {
            title: "Complete the digital vehicle health check",
            description:
              "Grade tyres, brakes, fluids, lights, wipers and underbody as green, amber or red in the health-check app. Add a photo or short video for **every** amber and red item.",
          },
          {
            title: "Reset indicators and update the service record",
            description:
              "Reset the service interval indicator and enter the service in the manufacturer's digital service record before the car goes to quality control.",
          },
        ],
        standards: [
          {
            category: "vocabulary",
            text:
              "Describe amber and red items in plain words, e.g. **\"Front brake pads 3 mm – replace within 1,000 km\"**.",
          },
          {
            category: "speed",
            text:
              "Complete the health check in the first 20 minutes of the job, so the advisor can call while the car is still on the lift.",
          },
        ],
        whenWrong: {
          steps:
            "1. If an item was graded wrongly, correct it in the app before the customer is called.\n2. If the customer has already seen it, tell the Service Advisor so they can explain the correction.",
          escalateTo: "Workshop Foreman",
        },
        decisionRights: [
          {
            decision: "Grade an item red (safety-critical)",
            limit:
              "Your professional judgement; a red grade always needs a photo and is reviewed by the Foreman at QC.",
          },
        ],
        evaluation: [
          {
            criterion: "Health-check completion",
            good:
              "100% of service visits have a completed health check with a photo or video for every amber and red item.",
          },
          {
            criterion: "Media quality",
            good: "The customer can see the problem in the photo or video (Foreman spot-checks 5 per week).",
          },
        ],
        capabilities: [
          { name: "Health-check app and short video recording", kind: "technical" },
          {
            name:
              "Wear limits for tyres and brakes under manufacturer rules and the periodic roadworthiness test (APK)",
            kind: "customer",
          },
        ],
      },
      {
        title: "Workshop safety",
        description:
          "Work safely around lifts, high-voltage systems and chemicals, and keep your bay in a condition that protects colleagues and customer cars.",
        tasks: [
          {
            title: "Use the lift correctly",
            description:
              "Place lift arms on the manufacturer lifting points only, check the arm locks are engaged and the vehicle is stable before working underneath. Report any lift fault to the Workshop Foreman and tag the lift out of use.",
          },
          {
            title: "Follow the EV high-voltage procedure",
            description:
              "Only work on hybrid and electric high-voltage systems if you hold a valid HV qualification. Isolate the system, verify zero voltage with an approved tester, lock out and place the HV warning sign on the vehicle.",
          },
          {
            title: "Wear the correct PPE",
            description:
              "Safety shoes and workwear at all times; safety glasses under vehicles and when grinding; HV gloves (inspected before each use) for high-voltage work.",
          },
          {
            title: "Keep the bay clean",
            description:
              "Clean spills immediately with the spill kit, drain waste oil into the collection tank and leave the bay swept at the end of each shift.",
          },
        ],
        standards: [
          {
            category: "safety",
            text:
              "Before touching high-voltage parts: isolate, verify zero voltage, lock out and place the **HV warning sign** on the vehicle.",
          },
          {
            category: "safety",
            text: "Never work under a vehicle until the lift arm locks are engaged and the vehicle is stable.",
          },
          {
            category: "appearance",
            text: "Safety shoes and clean workwear at all times; safety glasses under vehicles and when grinding.",
          },
        ],
        whenWrong: {
          steps:
            "1. In case of injury, electric shock or fire, stop work, make the area safe and call the first-aider (112 if needed).\n2. In an HV incident, do not touch the person with bare hands; switch off or use the rescue hook.\n3. Report every incident and near miss in the incident log the same day.",
          escalateTo: "Workshop Foreman immediately; Service Manager for any injury",
        },
        decisionRights: [
          { decision: "Tag a lift or tool out of use", limit: "Any technician, at once, without approval." },
          {
            decision: "Refuse to work on a high-voltage vehicle",
            limit: "Always, if you are not HV-qualified or the battery shows damage, smoke or heat.",
          },
          {
            decision: "Move a damaged EV to the outdoor quarantine bay",
            limit: "Yes, at once, if the battery is damaged or overheating; inform the Workshop Foreman straight after.",
          },
        ],
        evaluation: [
          { criterion: "Lost-time incidents", good: "Zero lost-time incidents per year." },
          { criterion: "Bay condition", good: "Your bay passes the monthly safety walk without major findings." },
        ],
        capabilities: [
          { name: "Valid HV qualification for hybrid and electric work", kind: "technical" },
          { name: "Safe lift operation and manufacturer lifting points", kind: "technical" },
        ],
      },
      {
        title: "Parts and special tools",
        description: "Handle parts and tools so nothing is lost and warranty parts can be returned.",
        tasks: [
          {
            title: "Label removed warranty parts",
            description:
              "Attach the warranty tag with repair-order number and claim number to every removed warranty part and hand it to the parts department the same day.",
          },
          {
            title: "Sign special tools in and out",
            description:
              "Sign manufacturer special tools out on the tool board and return them clean to their place when the job is done.",
          },
        ],
        standards: [
          { category: "speed", text: "Hand removed warranty parts to the parts department on the same day." },
        ],
        whenWrong: {
          steps:
            "1. If a special tool is missing, check the tool-board log for who signed it out last.\n2. Tell the Workshop Foreman the same day so jobs needing it can be re-planned.\n3. If a warranty part is lost, tell the Service Advisor before the claim is submitted.",
          escalateTo: "Workshop Foreman",
        },
        decisionRights: [
          {
            decision: "Return unused parts to the store",
            limit: "Yes, any unused part in its original packaging, booked back against the repair order.",
          },
        ],
        evaluation: [
          {
            criterion: "Warranty part tagging",
            good: "100% of warranty parts tagged and handed over the same day (parts quarantine log).",
          },
        ],
        capabilities: [
          { name: "Warranty tagging rules and the tool-board procedure", kind: "technical" },
        ],
      },
    ],
  },
  // ---------------------------------------------------------------------------
  {
    slug: "workshop-foreman",
    title: "Workshop Foreman",
    purpose:
      "The Workshop Foreman runs the workshop floor: loading the day, matching jobs to the right technicians and signing off quality before cars go back to customers. The role keeps cars on promised times and comebacks low.",
    ownerEmail: "manager@example.com",
    responsibilities: [
      {
        title: "Workshop loading and scheduling",
        description:
          "Plan and rebalance the workshop so every booked car is finished on the promised time.",
        tasks: [
          {
            title: "Morning dispatch by 07:45",
            description:
              "Allocate all booked jobs to technicians on the workshop planning board by 07:45, based on the day's attendance and parts availability.",
          },
          {
            title: "Match jobs to skills",
            description:
              "Give high-voltage, ADAS calibration and major diagnostic jobs only to technicians with the matching certification, recorded in the training matrix.",
          },
          {
            title: "Rebalance the load at 11:00 and 14:00",
            description:
              "Review progress against the planning board twice a day and move jobs between technicians to protect promised times.",
          },
          {
            title: "Flag carry-over cars by 15:30",
            description:
              "Tell the Service Advisors by 15:30 which cars will not be ready today and why, so customers are called before they set off to collect.",
          },
        ],
        standards: [
          {
            category: "speed",
            text: "All booked jobs dispatched by 07:45; carry-over cars reported to the advisors by 15:30.",
          },
        ],
        whenWrong: {
          steps:
            "1. If a car will miss its promised time, tell the Service Advisor at once with a new, realistic time.\n2. Move the job to a free technician or arrange overtime.\n3. Record the cause (parts, diagnosis, staffing) on the planning board.",
          escalateTo: "Service Manager if more than 3 cars carry over",
        },
        decisionRights: [
          {
            decision: "Move jobs between technicians",
            limit: "At your discretion, within each technician's certifications.",
          },
          { decision: "Overtime", limit: "Up to 2 hours per technician per day; more needs Service Manager approval." },
        ],
        evaluation: [
          { criterion: "On-time completion", good: "95% of cars ready by the promised time (DMS report, weekly)." },
          { criterion: "Productivity", good: "Workshop productivity of at least 85% (DMS, monthly)." },
        ],
        capabilities: [
          { name: "DMS planning board and standard job times", kind: "technical" },
          { name: "Setting clear priorities for technicians", kind: "interpersonal" },
        ],
      },
      {
        title: "Quality control and road test",
        description: "Make sure every car leaves the workshop fixed first time and safe to drive.",
        tasks: [
          {
            title: "Road test safety-related repairs",
            description:
              "Road test **100%** of brake, steering and suspension jobs, plus 1 in 10 other jobs at random, before the car is released.",
          },
          {
            title: "Sign the final QC checklist",
            description:
              "Check wheel torque marks, fluid levels, warning lights, cleanliness and that the concern is resolved. Sign the QC checklist in the DMS; no car is invoiced without it.",
          },
          {
            title: "Record and investigate comebacks",
            description:
              "Log every car returning within 30 days for the same concern, find the root cause with the technician and review the list with the Service Manager each month.",
          },
        ],
        standards: [
          { category: "safety", text: "No car with brake, steering or suspension work leaves without a road test." },
          { category: "speed", text: "QC within 15 minutes of the technician finishing the job." },
        ],
        whenWrong: {
          steps:
            "1. If a car fails QC, return it to the technician with written reasons.\n2. Tell the Service Advisor if the promised time is at risk.\n3. Log the failure for the monthly comeback review.",
          escalateTo: "Service Manager",
        },
        decisionRights: [
          {
            decision: "Hold a car back from handover",
            limit: "Full authority when QC fails, even if the customer is waiting.",
          },
          {
            decision: "Rework at the dealership's cost",
            limit: "Up to 1 hour of labour per comeback; more is decided by the Service Manager.",
          },
        ],
        evaluation: [
          { criterion: "Comeback rate", good: "Below 2% of repair orders return within 30 days for the same concern." },
          { criterion: "QC coverage", good: "100% of invoiced repair orders have a signed QC checklist." },
        ],
        capabilities: [
          { name: "Road testing and safety-critical systems", kind: "technical" },
          { name: "Giving technicians constructive feedback", kind: "interpersonal" },
        ],
      },
      {
        title: "Technical support and warranty quality",
        description:
          "Be the first line of technical support for technicians and make sure warranty jobs are documented to the manufacturer's standard.",
        tasks: [
          {
            title: "Escalate stuck diagnoses to the manufacturer",
            description:
              "If a diagnosis is not solved after 2 hours, review it with the technician and open a technical assistance case in the manufacturer portal.",
          },
          {
            title: "Check warranty labour times and causal parts",
            description:
              "Before the claim is submitted, check the operation codes, clocked times and causal part number on every warranty repair order.",
          },
        ],
      },
      {
        title: "Team, equipment and safety",
        description: "Keep the workshop team trained and the equipment safe to use.",
        tasks: [
          {
            title: "Weekly lift and equipment check",
            description:
              "Every Monday, check lifts, jacks, axle stands and the HV insulation tester and record the result in the equipment log. Tag out anything defective immediately.",
          },
          {
            title: "Hold the Monday toolbox talk",
            description:
              "Run a 10-minute safety and quality briefing every Monday at 07:30 and record attendance.",
          },
          {
            title: "Track certification expiry",
            description:
              "Keep the training matrix up to date and warn the Service Manager and HR 60 days before any HV or ADAS certification expires.",
          },
        ],
        standards: [
          {
            category: "safety",
            text:
              "A defective lift or tool is tagged out immediately and stays out of use until repaired and re-checked.",
          },
        ],
        whenWrong: {
          steps:
            "1. Tag out the equipment and block the bay.\n2. Call the service contractor.\n3. Re-plan the affected jobs and tell the Service Advisors.",
          escalateTo: "Service Manager (same day)",
        },
        decisionRights: [
          {
            decision: "Call out the lift service contractor",
            limit: "Up to €750 per repair; above that, the Service Manager approves.",
          },
        ],
        evaluation: [
          { criterion: "Equipment log", good: "Weekly check recorded every Monday (52 of 52 weeks)." },
          { criterion: "Toolbox talk attendance", good: "At least 90% of the workshop team attends each month." },
        ],
        capabilities: [
          { name: "Lift inspection and HV insulation tester", kind: "technical" },
          { name: "Explaining safety rules so people follow them", kind: "interpersonal" },
        ],
      },
    ],
  },
  // ---------------------------------------------------------------------------
  {
    slug: "parts-clerk",
    title: "Parts Clerk",
    purpose:
      "The Parts Clerk makes sure the right parts are on the shelf or on their way when the workshop needs them, and that every part in and out is accounted for. Good parts control keeps cars from waiting and protects the dealership's stock value.",
    ownerEmail: "manager@example.com",
    responsibilities: [
      {
        title: "Parts ordering and picking",
        description:
          "Have parts ready for booked jobs before the car arrives and get urgent parts in as fast as possible.",
        tasks: [
          {
            title: "Pre-pick tomorrow's bookings",
            description:
              "By 16:00 each day, check tomorrow's bookings in the DMS, pick the service parts and place them in the labelled bin with the repair-order number.",
          },
          {
            title: "Place urgent orders before the 15:00 cut-off",
            description:
              "Order vehicle-off-road (VOR) and same-week parts in the manufacturer ordering system before 15:00 for next-morning delivery.",
          },
          {
            title: "Give the advisor an ETA",
            description:
              "Enter the expected delivery date on the repair order as soon as a part is ordered, so the Service Advisor can inform the customer.",
          },
          {
            title: "Issue parts against the repair order",
            description:
              "Issue every part to the workshop against a repair order in the DMS. No part leaves the store without a document.",
          },
        ],
        standards: [
          {
            category: "speed",
            text:
              "Serve technicians at the parts hatch within 5 minutes; place vehicle-off-road orders before the 15:00 cut-off.",
          },
          { category: "vocabulary", text: "Give the advisor a concrete ETA (**date and time**), never \"soon\"." },
        ],
        whenWrong: {
          steps:
            "1. If a part will not arrive in time, tell the Service Advisor straight away so the customer can be called.\n2. Check other dealers' stock in the manufacturer's dealer locator and arrange a courier if approved.\n3. Enter the new ETA on the repair order.",
          escalateTo: "Service Manager if a car will be off the road for more than 3 days",
        },
        decisionRights: [
          {
            decision: "Courier for an urgent part",
            limit: "Up to €60 per delivery for vehicle-off-road jobs; above that, the Service Manager decides.",
          },
          {
            decision: "Buy from another dealer",
            limit: "Yes, if the manufacturer cannot deliver by the next morning.",
          },
        ],
        evaluation: [
          {
            criterion: "First-pick availability",
            good: "At least 92% of parts requested by the workshop are on the shelf (DMS fill-rate report, monthly).",
          },
          { criterion: "Pre-pick completion", good: "All next-day service jobs pre-picked by 16:00." },
        ],
        capabilities: [
          { name: "Electronic parts catalogue lookup by VIN", kind: "technical" },
          { name: "Manufacturer ordering system and cut-off times", kind: "technical" },
        ],
      },
      {
        title: "Stock control",
        description: "Keep stock accurate, tidy and free of old, non-moving parts.",
        tasks: [
          {
            title: "Book in deliveries the same day",
            description:
              "Check every delivery against the packing list, report shortages and damage within 24 hours and receipt the parts in the DMS on the day of arrival.",
          },
          {
            title: "Weekly cycle count",
            description:
              "Count the bin locations on the weekly cycle-count list and correct differences in the DMS with a reason code.",
          },
          {
            title: "Review non-moving stock",
            description:
              "Every quarter, list parts without a sale for 9 months and return them under the manufacturer's stock-return scheme or agree a markdown with the Service Manager.",
          },
        ],
        standards: [
          {
            category: "safety",
            text:
              "Use the step ladder for high shelves and the trolley for heavy parts; store 12 V lithium batteries only in the fire-safe cabinet.",
          },
        ],
        whenWrong: {
          steps:
            "1. If a count differs by more than €100, recount before correcting.\n2. Check open issues and deliveries for that part number.\n3. Correct in the DMS with a reason code and inform the Service Manager.",
          escalateTo: "Service Manager",
        },
        decisionRights: [
          {
            decision: "Stock adjustment",
            limit: "Up to €100 per part line with a reason code; larger differences need Service Manager approval.",
          },
          { decision: "Add a part to stock", limit: "Yes, if it sold at least 3 times in 6 months (stocking rule)." },
        ],
        evaluation: [
          { criterion: "Stock accuracy", good: "At least 98% of counted bin locations correct (weekly cycle count)." },
          { criterion: "Non-moving stock", good: "Less than 10% of stock value without a sale in 9 months." },
        ],
        capabilities: [
          { name: "Receipting, cycle counts and stock reports in the DMS", kind: "technical" },
        ],
      },
      {
        title: "Returns, cores and warranty parts",
        description:
          "Return parts on time so the dealership gets its credit and meets the manufacturer's warranty rules.",
        tasks: [
          {
            title: "Log returned parts the same day",
            description:
              "Log every part returned by the workshop or a customer in the DMS on the same day, with the repair-order number and reason.",
          },
          {
            title: "Return exchange cores within 30 days",
            description:
              "Send back exchange units (starters, turbochargers, injectors) within 30 days so the surcharge is credited.",
          },
          {
            title: "Store warranty parts in quarantine",
            description:
              "Keep tagged warranty parts in the locked quarantine cage for the retention period the manufacturer requires, or until they are called back for analysis.",
          },
        ],
        standards: [
          { category: "speed", text: "Log every returned part in the DMS on the same day." },
          {
            category: "safety",
            text:
              "Store removed high-voltage batteries and airbag units only in the marked hazardous-goods area, never in the normal quarantine cage.",
          },
        ],
        whenWrong: {
          steps:
            "1. If the manufacturer calls back a warranty part you cannot find, search quarantine and the workshop the same day.\n2. Inform the Service Advisor and Service Manager, as the claim may be debited.\n3. Record what went wrong and how storage will be fixed.",
          escalateTo: "Service Manager",
        },
        decisionRights: [
          {
            decision: "Accept a customer return",
            limit:
              "Unused parts in original packaging within 14 days with receipt; electrical parts and special orders only with Service Manager approval.",
          },
        ],
        evaluation: [
          {
            criterion: "Core return time",
            good: "100% of exchange cores returned within 30 days, with no surcharge lost.",
          },
          {
            criterion: "Warranty part retrieval",
            good: "Every called-back warranty part dispatched within 2 working days.",
          },
        ],
        capabilities: [
          { name: "Manufacturer rules for warranty-part retention and core returns", kind: "technical" },
          { name: "Dangerous-goods packaging for batteries and airbags", kind: "technical" },
        ],
      },
      {
        title: "Counter sales",
        description: "Serve trade and retail customers at the parts counter.",
        tasks: [
          {
            title: "Serve counter customers",
            description:
              "Identify the part by VIN in the electronic parts catalogue, quote price and availability and take payment or charge the trade account.",
          },
          {
            title: "Quote accessories",
            description:
              "Prepare written quotes for accessories (tow bars, roof racks, winter wheels) including fitting time from the labour guide.",
          },
        ],
        standards: [
          {
            category: "vocabulary",
            text:
              "Greet with **\"Good morning, how can I help you?\"** and confirm the VIN or registration before quoting.",
          },
          {
            category: "speed",
            text: "Acknowledge every counter customer within 1 minute, even when you are on the phone.",
          },
          {
            category: "appearance",
            text: "Clean uniform with name badge; take off work gloves before serving at the counter.",
          },
        ],
        whenWrong: {
          steps:
            "1. If the wrong part was sold, apologise and check the VIN lookup together with the customer.\n2. Exchange it free of charge or order the right part for express delivery.\n3. Note the cause on the sale in the DMS.",
          escalateTo: "Service Manager for refunds above €200",
        },
        decisionRights: [
          {
            decision: "Extra discount on a quote",
            limit:
              "Up to 5% on top of the trade-account discount for orders above €500; more with Service Manager approval.",
          },
        ],
        evaluation: [
          { criterion: "Wrong-part rate", good: "Fewer than 1% of counter sales returned as the wrong part." },
          {
            criterion: "Accessory quote conversion",
            good: "At least 30% of written accessory quotes turned into orders within 30 days.",
          },
        ],
        capabilities: [
          { name: "Electronic parts catalogue and DMS point of sale", kind: "technical" },
          { name: "Local trade customers (independent garages, fleet workshops) and their accounts", kind: "customer" },
        ],
      },
    ],
  },
  // ---------------------------------------------------------------------------
  {
    slug: "customer-care-agent",
    title: "Customer Care Agent",
    purpose:
      "The Customer Care Agent looks after customers before and after their visit: booking appointments, following up after the service and handling complaints. The role keeps customers coming back and protects the dealership's satisfaction scores with the manufacturer.",
    ownerEmail: "manager@example.com",
    responsibilities: [
      {
        title: "Post-service follow-up calls",
        description: "Call customers after their visit to check they are satisfied and catch problems early.",
        tasks: [
          {
            title: "Call within 3 working days of collection",
            description:
              "Call every customer within 3 working days of collecting their car. Make up to 3 attempts at different times of day before sending the follow-up SMS.",
          },
          {
            title: "Record the outcome in the CRM",
            description:
              "Log the result of each call in the CRM with a satisfaction score from 0 to 10 and any comments, word for word.",
          },
          {
            title: "Escalate scores below 8",
            description:
              "Create a complaint case for any score below 8 and inform the Service Manager the same day.",
          },
        ],
        standards: [
          {
            category: "vocabulary",
            text:
              "Open with **\"Hello [Mr/Ms surname], this is [name] from [dealership]. You collected your car on [day]; is everything as you expected?\"**",
          },
          {
            category: "gestures",
            text: "Smile while you speak (it can be heard) and use the headset so you can take notes.",
          },
          { category: "speed", text: "Call within 3 working days of collection." },
        ],
        whenWrong: {
          steps:
            "1. If the customer is unhappy, listen without interrupting and repeat their concern back to them.\n2. Apologise for the inconvenience; do not argue or blame the workshop.\n3. Open a complaint case, give the case number and say when they will hear from us.",
          escalateTo: "Service Manager (same day)",
        },
        decisionRights: [
          {
            decision: "Book a free re-check",
            limit: "Yes, for a concern about work done in the last 30 days, in a workshop slot of up to 30 minutes.",
          },
        ],
        evaluation: [
          {
            criterion: "Contact rate",
            good: "At least 80% of customers reached within 3 working days (CRM report, monthly).",
          },
          {
            criterion: "CRM completeness",
            good: "Every call logged with a score and the customer's comment word for word.",
          },
        ],
        capabilities: [
          { name: "CRM call lists and call logging", kind: "technical" },
          { name: "Active listening on the phone", kind: "interpersonal" },
        ],
      },
      {
        title: "Complaint handling",
        description: "Handle complaints quickly, fairly and on record until the customer confirms they are resolved.",
        tasks: [
          {
            title: "Log every complaint the same day",
            description:
              "Open a complaint case in the CRM for every complaint, whether it arrives by phone, e-mail, review site or at the desk.",
          },
          {
            title: "Acknowledge within 24 hours",
            description:
              "Contact the customer within 24 hours to acknowledge the complaint, give a case number and say when they will hear from us next.",
          },
          {
            title: "Agree the action with the Service Manager",
            description:
              "Agree the proposed solution (re-inspection, repair, refund or goodwill) with the Service Manager before promising anything to the customer.",
          },
          {
            title: "Prepare goodwill requests",
            description:
              "For goodwill involving the manufacturer, prepare the request with vehicle history, mileage and invoices and submit it through the manufacturer portal.",
          },
          {
            title: "Close the case and record the root cause",
            description:
              "Close the case only after the customer confirms the outcome, and record the root cause category so trends can be reviewed monthly.",
          },
        ],
        standards: [
          {
            category: "vocabulary",
            text:
              "Never say \"that's not our fault\" or \"that's our policy\"; say **\"I understand. Let me find out what we can do.\"**",
          },
          {
            category: "speed",
            text:
              "Acknowledge within 24 hours and give an update at least every 3 working days until the case is closed.",
          },
          {
            category: "distance",
            text:
              "Take a customer who complains at the desk to a quiet meeting room, away from other customers, and sit at an angle rather than face to face.",
          },
          {
            category: "safety",
            text:
              "If a customer becomes aggressive, stay calm, keep the desk between you and call the Service Manager; never continue alone.",
          },
        ],
        whenWrong: {
          steps:
            "1. If a promised call-back was missed, call the customer today and apologise.\n2. Give a new, fixed date and keep it.\n3. If the customer mentions a lawyer, the press or a public review, inform the Service Manager immediately.",
          escalateTo: "Service Manager (immediately for legal or press threats)",
        },
        decisionRights: [
          {
            decision: "Small gesture of goodwill",
            limit:
              "Up to €30 (car wash, fuel voucher) without approval; everything else is agreed with the Service Manager.",
          },
        ],
        evaluation: [
          { criterion: "Acknowledgement time", good: "100% of complaints acknowledged within 24 hours (CRM report)." },
          { criterion: "Resolution time", good: "80% of complaints closed within 10 working days." },
          { criterion: "Repeat complaints", good: "Fewer than 5% of closed cases reopened." },
        ],
        capabilities: [
          { name: "Calming upset customers and de-escalation", kind: "interpersonal" },
          { name: "Consumer rights, warranty and goodwill conditions", kind: "customer" },
          { name: "Manufacturer goodwill portal", kind: "technical" },
        ],
      },
      {
        title: "Appointment booking",
        description: "Make it easy for customers to book and make sure they turn up prepared.",
        tasks: [
          {
            title: "Answer calls within 20 seconds",
            description:
              "Answer incoming calls within 20 seconds (about 3 rings). During peaks, take a call-back number and call back within 1 hour.",
          },
          {
            title: "Book against real workshop capacity",
            description:
              "Book appointments in the online scheduler only into available capacity, with the right job code and estimated hours so the Workshop Foreman can plan.",
          },
          {
            title: "Send reminders 24 hours ahead",
            description:
              "Check that the automatic SMS reminder went out 24 hours before each appointment and call customers whose reminder failed.",
          },
        ],
        standards: [
          { category: "speed", text: "Answer the phone within 3 rings (20 seconds)." },
          {
            category: "vocabulary",
            text:
              "Answer with **\"[Dealership] service, good morning, this is [name]. How can I help?\"** and repeat date, time and job back before ending the call.",
          },
        ],
        whenWrong: {
          steps:
            "1. If a day was overbooked or a job booked with the wrong code, call the customer before the appointment day.\n2. Offer another slot, or a courtesy car if the visit will take longer.\n3. Inform the Workshop Foreman.",
          escalateTo: "Workshop Foreman",
        },
        decisionRights: [
          {
            decision: "Book into a full day",
            limit:
              "Only safety-critical cases (brakes, red warning lights) of up to 1 hour; otherwise the Workshop Foreman decides.",
          },
          {
            decision: "Reserve a courtesy car",
            limit: "Yes, when one is free that day and the job takes more than 3 hours.",
          },
        ],
        evaluation: [
          {
            criterion: "Call service level",
            good: "80% of calls answered within 20 seconds and under 5% abandoned (telephony report, weekly).",
          },
          { criterion: "No-show rate", good: "Below 4% of appointments." },
        ],
        capabilities: [
          { name: "Online scheduler, job codes and standard hours", kind: "technical" },
          { name: "Service intervals and typical job times for the brand's models", kind: "customer" },
        ],
      },
      {
        title: "Service reminders and customer retention",
        description: "Bring customers back to the dealership for their next service.",
        tasks: [
          {
            title: "Call customers due for service",
            description:
              "Work through the monthly list of customers whose service or MOT/APK inspection is due in the next 6 weeks and offer an appointment.",
          },
          {
            title: "Win back lapsed customers",
            description:
              "Contact customers with no visit in the last 18 months, ask why and record the reason (moved, sold car, independent garage) in the CRM.",
          },
        ],
        standards: [
          {
            category: "vocabulary",
            text:
              "Introduce the call as a service reminder, not a sales call; accept a \"no\" politely and record the customer's contact preference.",
          },
        ],
        whenWrong: {
          steps:
            "1. If a customer asks not to be contacted, record the opt-out in the CRM immediately.\n2. If the data was wrong (car sold, wrong person), apologise and correct the record.",
          escalateTo: "Service Manager for data-protection complaints",
        },
        decisionRights: [
          {
            decision: "Offer a reminder promotion",
            limit: "Only current campaign offers (e.g. 10% on the winter check); no other discounts.",
          },
        ],
        evaluation: [
          {
            criterion: "Reminder conversion",
            good: "At least 35% of customers due for service booked within 6 weeks.",
          },
          {
            criterion: "Lapsed-customer reasons",
            good: "A reason recorded for at least 60% of lapsed customers contacted.",
          },
        ],
        capabilities: [
          { name: "CRM selections and GDPR contact preferences", kind: "technical" },
          { name: "Local fleet and lease customers and their service arrangements", kind: "customer" },
        ],
      },
    ],
  },
  // ---------------------------------------------------------------------------
  {
    slug: "service-manager",
    title: "Service Manager",
    purpose:
      "The Service Manager is accountable for the after-sales department's customer satisfaction, profitability and compliance with manufacturer standards. They lead the reception, workshop and parts & care teams and make sure each has the people, training and equipment to do the job.",
    ownerEmail: "manager@example.com",
    responsibilities: [
      {
        title: "KPIs and financial performance",
        description: "Run the department to budget and act early when key numbers move.",
        tasks: [
          {
            title: "Weekly KPI review",
            description:
              "Every Monday, review labour sales, hours sold per repair order, workshop efficiency and productivity, and parts gross margin against target with the team leads.",
          },
          {
            title: "Monthly P&L review",
            description:
              "Review the department P&L with the dealer principal by the 10th working day of the month and explain any variance above 5%.",
          },
          {
            title: "Set individual targets",
            description:
              "Agree quarterly targets with each advisor and technician (e.g. health-check conversion, efficiency) and publish them on the team board.",
          },
        ],
        standards: [
          { category: "speed", text: "Share the weekly KPI summary with the team leads by Monday 10:00." },
        ],
        whenWrong: {
          steps:
            "1. When a KPI misses target two weeks running, agree an action plan with the responsible team lead.\n2. Review progress at the next weekly meeting.\n3. Explain any P&L variance above 5% to the dealer principal.",
          escalateTo: "Dealer Principal",
        },
        decisionRights: [
          {
            decision: "Labour rates and menu prices",
            limit: "Within ±5% of the rates in the annual budget; beyond that, the dealer principal decides.",
          },
          {
            decision: "Spending outside the budget",
            limit: "Up to €2,000 per item; above that, the dealer principal approves.",
          },
        ],
        evaluation: [
          { criterion: "Department profit", good: "Net profit at or above budget for the year." },
          { criterion: "Workshop efficiency", good: "At least 95% efficiency and 85% productivity (DMS, monthly)." },
        ],
        capabilities: [
          { name: "DMS reporting and P&L analysis", kind: "technical" },
          { name: "Setting targets and coaching team leads", kind: "interpersonal" },
        ],
      },
      {
        title: "Customer satisfaction",
        description: "Own the department's customer satisfaction results with the manufacturer.",
        tasks: [
          {
            title: "Review CSI survey results weekly",
            description:
              "Read every manufacturer CSI survey response and share the top 3 improvement points with the teams.",
          },
          {
            title: "Call dissatisfied customers personally",
            description:
              "Personally call every customer who scored us 6 or lower within 48 hours of the result arriving.",
          },
          {
            title: "Approve goodwill",
            description:
              "Approve or reject goodwill requests within your authority limit (up to €500 per case) and document the decision in the CRM.",
          },
        ],
        standards: [
          {
            category: "vocabulary",
            text:
              "Open detractor calls with **\"I'm the Service Manager, and I'm calling because your feedback matters to me.\"**",
          },
          { category: "speed", text: "Call every customer scoring 6 or lower within 48 hours." },
        ],
        whenWrong: {
          steps:
            "1. For a serious complaint, meet the customer in person where possible.\n2. Decide on a solution within your goodwill limit or request manufacturer goodwill.\n3. Share the lesson with the teams at the next briefing.",
          escalateTo: "Dealer Principal; manufacturer area manager for goodwill above €500",
        },
        decisionRights: [
          {
            decision: "Goodwill",
            limit: "Up to €500 per case; above that, the dealer principal or the manufacturer's goodwill scheme.",
          },
        ],
        evaluation: [
          { criterion: "CSI score", good: "At or above the manufacturer's national average every quarter." },
          { criterion: "Detractor call-backs", good: "100% called within 48 hours." },
        ],
        capabilities: [
          { name: "Handling escalated, emotional complaints", kind: "interpersonal" },
          { name: "Manufacturer CSI programme and survey rules", kind: "customer" },
        ],
      },
      {
        title: "Warranty compliance",
        description: "Make sure warranty work is claimed correctly and survives a manufacturer audit.",
        tasks: [
          {
            title: "Review rejected and debited claims",
            description:
              "Review every rejected or debited warranty claim each week, correct and resubmit where possible, and fix the cause with the person involved.",
          },
          {
            title: "Prepare for warranty audits",
            description:
              "Keep repair orders, diagnostic logs, photos and quarantined parts audit-ready. Run an internal sample check of 10 claims every quarter.",
          },
        ],
      },
      {
        title: "People and staffing",
        description: "Have the right number of skilled people on each shift and develop them.",
        tasks: [
          {
            title: "Publish the rota 4 weeks ahead",
            description:
              "Publish the staff rota 4 weeks in advance, making sure reception is covered from 07:30 and at least one HV-qualified technician is on every shift.",
          },
          {
            title: "Onboard new starters with HR",
            description:
              "Agree the onboarding plan and buddy for every new starter with the HR Partner before their first day and hold the 30-day review yourself.",
          },
          {
            title: "Run annual performance reviews",
            description:
              "Hold a documented performance and development review with each direct report once a year, with a mid-year check-in.",
          },
          {
            title: "Maintain the training plan",
            description:
              "Book manufacturer training courses so every technician meets the required certification levels for the brand.",
          },
        ],
      },
      {
        title: "Health, safety and compliance",
        description: "Keep the department safe and compliant with legal and manufacturer requirements.",
        tasks: [
          {
            title: "Monthly safety walk",
            description:
              "Walk the workshop, parts store and reception once a month with the Workshop Foreman, record findings and assign actions with deadlines.",
          },
          {
            title: "Keep inspection certificates current",
            description:
              "Make sure lifts, compressors and the brake tester have a valid annual inspection by an approved inspector, and that certificates are filed.",
          },
        ],
        standards: [
          {
            category: "safety",
            text: "Every lift, compressor and the brake tester has a valid inspection certificate on file.",
          },
        ],
        whenWrong: {
          steps:
            "1. After an accident, make sure first aid is given and the area is secured.\n2. Report serious accidents to the labour inspectorate as the law requires.\n3. Investigate the root cause within 5 working days and assign actions.",
          escalateTo: "Dealer Principal (immediately for serious accidents)",
        },
        decisionRights: [
          { decision: "Stop work or close an area", limit: "Full authority whenever there is a safety risk." },
          { decision: "Safety spending", limit: "Up to €5,000 per item without dealer-principal approval." },
        ],
        evaluation: [
          { criterion: "Safety-walk actions", good: "90% of actions closed by their deadline." },
          { criterion: "Inspection certificates", good: "No expired certificate at any time." },
        ],
        capabilities: [
          { name: "Workshop health-and-safety law, including high-voltage vehicles", kind: "technical" },
        ],
      },
    ],
  },
  // ---------------------------------------------------------------------------
  {
    slug: "hr-partner",
    title: "HR Partner",
    purpose:
      "The HR Partner is the dealership's people partner: they make sure new starters arrive to a signed contract, working accounts and the right equipment, and that employee and training records are correct. The role lets managers focus on their teams and keeps the dealership compliant as an employer.",
    ownerEmail: "hr@example.com",
    responsibilities: [
      {
        title: "Pre-boarding of new starters",
        description: "Have everything ready before a new starter's first day.",
        tasks: [
          {
            title: "Issue the contract",
            description:
              "Send the employment contract within 2 working days of the offer being accepted and file the signed copy before the start date.",
          },
          {
            title: "Check right to work and driving licence",
            description:
              "Check and copy the identity document and, for anyone who will drive customer cars, a valid driving licence. Record the licence expiry date.",
          },
          {
            title: "Request system accounts",
            description:
              "Request e-mail, DMS, CRM and manufacturer portal accounts at least 5 working days before the start date, with access matching the job role.",
          },
          {
            title: "Order workwear and PPE",
            description:
              "Order uniform, name badge, safety shoes and, for technicians, the personal PPE set so it is ready on day one.",
          },
        ],
        standards: [
          {
            category: "speed",
            text:
              "Contract sent within 2 working days of acceptance; accounts requested at least 5 working days before the start date.",
          },
          {
            category: "vocabulary",
            text: "Use the welcome e-mail template, address the new starter by first name and write without HR jargon.",
          },
        ],
        whenWrong: {
          steps:
            "1. If accounts or workwear will not be ready on day one, tell the manager at least 2 days before.\n2. Arrange a temporary login or loan workwear.\n3. Adjust the day-one plan so the new starter shadows their buddy.",
          escalateTo: "Service Manager (hiring manager)",
        },
        decisionRights: [
          {
            decision: "Move the start date",
            limit: "Up to 5 working days, agreed with the new starter and the manager.",
          },
          {
            decision: "Workwear and PPE order",
            limit: "The standard kit for the role without approval; extras up to €150.",
          },
        ],
        evaluation: [
          {
            criterion: "Day-one readiness",
            good: "100% of new starters have a signed contract, working accounts and workwear on day one.",
          },
        ],
        capabilities: [
          { name: "HR system, contract templates and account requests", kind: "technical" },
          { name: "Identity and driving-licence checks", kind: "technical" },
        ],
      },
      {
        title: "Onboarding",
        description: "Give every new starter a structured first 90 days.",
        tasks: [
          {
            title: "Welcome on day one",
            description:
              "Meet the new starter at 08:30 on day one, hand over equipment and accounts, and introduce them to their manager and buddy.",
          },
          {
            title: "Set up the onboarding plan in Rolebook",
            description:
              "Assign the new starter's job role in Rolebook so their responsibilities and tasks are visible from the first login.",
          },
          {
            title: "Hold 30-, 60- and 90-day check-ins",
            description:
              "Schedule short check-ins at 30, 60 and 90 days with the new starter and their manager, and record the outcome in the personnel file.",
          },
        ],
        standards: [
          {
            category: "gestures",
            text: "Meet the new starter at the entrance, not at your desk, with a smile and a handshake.",
          },
          { category: "vocabulary", text: "Introduce them by name and role to everyone on the first tour." },
        ],
        whenWrong: {
          steps:
            "1. If a check-in shows the new starter is struggling, agree concrete actions with them and their manager.\n2. Schedule an extra check-in within 2 weeks.\n3. Record it in the personnel file.",
          escalateTo: "Service Manager",
        },
        decisionRights: [
          { decision: "Extend the onboarding plan", limit: "Up to 30 extra days, agreed with the manager." },
        ],
        evaluation: [
          { criterion: "Check-ins held", good: "100% of 30-, 60- and 90-day check-ins held and recorded." },
          { criterion: "New-starter retention", good: "At least 90% of new starters still with us after 6 months." },
        ],
        capabilities: [
          { name: "Assigning job roles in Rolebook", kind: "technical" },
          { name: "Making new people feel welcome and heard", kind: "interpersonal" },
        ],
      },
      {
        title: "Training records",
        description: "Keep training and certification records complete and up to date.",
        tasks: [
          {
            title: "Record completed training",
            description:
              "Record every completed manufacturer, safety and internal training course in the training matrix within 5 working days, with the certificate attached.",
          },
          {
            title: "Monitor certification expiry",
            description:
              "Check the training matrix monthly and notify managers 60 days before HV, ADAS or forklift certifications expire.",
          },
          {
            title: "Report mandatory training completion",
            description:
              "Send the Service Manager a quarterly overview of mandatory training completion per team.",
          },
        ],
      },
      {
        title: "Contracts, changes and leavers",
        description: "Keep employee records accurate through changes and departures.",
        tasks: [
          {
            title: "Process contract changes",
            description:
              "Process changes in hours, role or pay within 5 working days of approval and confirm them to the employee in writing.",
          },
          {
            title: "Offboard leavers",
            description:
              "On the last working day, make sure all system accounts are disabled, keys, tools and workwear are returned, and the exit interview is recorded.",
          },
        ],
      },
    ],
  },
];

export const teams: SeedTeam[] = [
  { slug: "reception", name: "Reception", managerEmail: "manager@example.com" },
  { slug: "workshop", name: "Workshop", managerEmail: "manager@example.com" },
  { slug: "parts-care", name: "Parts & Care", managerEmail: "manager@example.com" },
];

export const people: SeedPerson[] = [
  // --- Demo accounts --------------------------------------------------------
  {
    name: "Helena Rossi",
    email: "hr@example.com",
    appRole: "hr_admin",
    jobRole: "hr-partner",
    team: null,
    reportsTo: null,
    startDaysAgo: 1500,
    locale: null,
    phone: "+31 20 555 0101",
  },
  {
    name: "Marco Janssen",
    email: "manager@example.com",
    appRole: "manager",
    jobRole: "service-manager",
    team: "reception",
    reportsTo: null,
    startDaysAgo: 2900,
    locale: null,
    phone: "+31 20 555 0102",
  },
  {
    name: "Sven de Vries",
    email: "supervisor@example.com",
    appRole: "supervisor",
    jobRole: "workshop-foreman",
    team: "workshop",
    reportsTo: "manager@example.com",
    startDaysAgo: 2100,
    locale: null,
    phone: "+31 20 555 0103",
  },
  {
    name: "Elif Yılmaz",
    email: "employee@example.com",
    appRole: "employee",
    jobRole: "service-advisor",
    team: "reception",
    reportsTo: "supervisor@example.com",
    startDaysAgo: 730,
    locale: null,
    phone: "+31 20 555 0104",
  },
  {
    name: "Nora Bērziņa",
    email: "newhire@example.com",
    appRole: "employee",
    jobRole: "service-advisor",
    team: "reception",
    reportsTo: "supervisor@example.com",
    startDaysAgo: 0,
    locale: null,
    phone: "+31 20 555 0105",
  },

  // --- Service advisors (Reception) -----------------------------------------
  {
    name: "Thomas Bakker",
    email: "thomas.bakker@example.com",
    appRole: "employee",
    jobRole: "service-advisor",
    team: "reception",
    reportsTo: "manager@example.com",
    startDaysAgo: 1240,
    locale: "nl",
    phone: "+31 20 555 0111",
  },
  {
    name: "Andreea Ionescu",
    email: "andreea.ionescu@example.com",
    appRole: "employee",
    jobRole: "service-advisor",
    team: "reception",
    reportsTo: "manager@example.com",
    startDaysAgo: 415,
    locale: "ro",
    phone: "+31 20 555 0112",
  },
  {
    name: "James Whitfield",
    email: "james.whitfield@example.com",
    appRole: "employee",
    jobRole: "service-advisor",
    team: "reception",
    reportsTo: "manager@example.com",
    startDaysAgo: 95,
    locale: null,
    phone: "+31 20 555 0113",
  },

  // --- Technicians (Workshop) -----------------------------------------------
  {
    name: "Mehmet Kaya",
    email: "mehmet.kaya@example.com",
    appRole: "employee",
    jobRole: "technician",
    team: "workshop",
    reportsTo: "supervisor@example.com",
    startDaysAgo: 3650,
    locale: "tr",
    phone: "+31 20 555 0121",
  },
  {
    name: "Pieter van Dijk",
    email: "pieter.vandijk@example.com",
    appRole: "employee",
    jobRole: "technician",
    team: "workshop",
    reportsTo: "supervisor@example.com",
    startDaysAgo: 2650,
    locale: null,
    phone: "+31 20 555 0122",
  },
  {
    name: "Jānis Ozoliņš",
    email: "janis.ozolins@example.com",
    appRole: "employee",
    jobRole: "technician",
    team: "workshop",
    reportsTo: "supervisor@example.com",
    startDaysAgo: 1820,
    locale: "lv",
    phone: "+31 20 555 0123",
  },
  {
    name: "Oliver Hughes",
    email: "oliver.hughes@example.com",
    appRole: "employee",
    jobRole: "technician",
    team: "workshop",
    reportsTo: "supervisor@example.com",
    startDaysAgo: 1375,
    locale: null,
    phone: "+31 20 555 0124",
  },
  {
    name: "Tomas Kazlauskas",
    email: "tomas.kazlauskas@example.com",
    appRole: "employee",
    jobRole: "technician",
    team: "workshop",
    reportsTo: "supervisor@example.com",
    startDaysAgo: 980,
    locale: "lt",
    phone: "+31 20 555 0125",
  },
  {
    name: "Burak Demir",
    email: "burak.demir@example.com",
    appRole: "employee",
    jobRole: "technician",
    team: "workshop",
    reportsTo: "supervisor@example.com",
    startDaysAgo: 540,
    locale: null,
    phone: "+31 20 555 0126",
  },
  {
    name: "Raluca Dumitru",
    email: "raluca.dumitru@example.com",
    appRole: "employee",
    jobRole: "technician",
    team: "workshop",
    reportsTo: "supervisor@example.com",
    startDaysAgo: 265,
    locale: null,
    phone: "+31 20 555 0127",
  },
  {
    name: "Lukas Petrauskas",
    email: "lukas.petrauskas@example.com",
    appRole: "employee",
    jobRole: "technician",
    team: "workshop",
    reportsTo: "supervisor@example.com",
    startDaysAgo: 62,
    locale: null,
    phone: "+31 20 555 0128",
  },

  // --- Parts clerks (Parts & Care) ------------------------------------------
  {
    name: "Mark Dawson",
    email: "mark.dawson@example.com",
    appRole: "employee",
    jobRole: "parts-clerk",
    team: "parts-care",
    reportsTo: "manager@example.com",
    startDaysAgo: 3120,
    locale: null,
    phone: "+31 20 555 0131",
  },
  {
    name: "Emre Şahin",
    email: "emre.sahin@example.com",
    appRole: "employee",
    jobRole: "parts-clerk",
    team: "parts-care",
    reportsTo: "manager@example.com",
    startDaysAgo: 1960,
    locale: "tr",
    phone: "+31 20 555 0132",
  },
  {
    name: "Ilze Kalniņa",
    email: "ilze.kalnina@example.com",
    appRole: "employee",
    jobRole: "parts-clerk",
    team: "parts-care",
    reportsTo: "manager@example.com",
    startDaysAgo: 720,
    locale: null,
    phone: "+31 20 555 0133",
  },

  // --- Customer care agents (Parts & Care) ----------------------------------
  {
    name: "Sanne Mulder",
    email: "sanne.mulder@example.com",
    appRole: "employee",
    jobRole: "customer-care-agent",
    team: "parts-care",
    reportsTo: "manager@example.com",
    startDaysAgo: 860,
    locale: "nl",
    phone: "+31 20 555 0141",
  },
  {
    name: "Rūta Jankauskienė",
    email: "ruta.jankauskiene@example.com",
    appRole: "employee",
    jobRole: "customer-care-agent",
    team: "parts-care",
    reportsTo: "manager@example.com",
    startDaysAgo: 180,
    locale: "lt",
    phone: "+31 20 555 0142",
  },
  {
    name: "Cristina Stan",
    email: "cristina.stan@example.com",
    appRole: "employee",
    jobRole: "customer-care-agent",
    team: "parts-care",
    reportsTo: "manager@example.com",
    startDaysAgo: 45,
    locale: null,
    phone: "+31 20 555 0143",
  },

  // --- HR (dealership people team, no service team) ------------------------
  {
    name: "Daan Visser",
    email: "daan.visser@example.com",
    appRole: "employee",
    jobRole: "hr-partner",
    team: null,
    reportsTo: "hr@example.com",
    startDaysAgo: 610,
    locale: null,
    phone: "+31 20 555 0151",
  },
  {
    name: "Aylin Çelik",
    email: "aylin.celik@example.com",
    appRole: "employee",
    jobRole: "hr-partner",
    team: null,
    reportsTo: "hr@example.com",
    startDaysAgo: 140,
    locale: "tr",
    phone: "+31 20 555 0152",
  },
];
