// Demo content for Rolebook: the after-sales service department of an
// authorised car dealership. Pure data, no imports.

export type SeedTask = { title: string; description: string };
export type SeedResponsibility = { title: string; description: string; tasks: SeedTask[] };
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
