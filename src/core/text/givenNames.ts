/**
 * Common given names from many languages, lower case. The byline rule uses them only where a
 * comma part could be a company or a person (`Jo Park, Priya Raman` is two people, `Jo Park,
 * Giant Swarm` a person and a company): a part whose first word is here is a person. Missing a
 * name costs nothing elsewhere.
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  // English
  (
    'aaron ada adam adrian aidan alan albert alex alexander alexandra alexis alice alicia alison allison amanda amber amelia amy andrea andrew andy angela ' +
    'anna anne annie anthony april arthur ashley audrey austin barbara becky ben benjamin beth betty beverly bill billy blake bob bobby brad bradley ' +
    'brandon brenda brett brian brittany brooke bruce bryan caitlin calvin cameron carl carlos carol caroline carrie casey catherine charles charlie ' +
    'charlotte chelsea cheryl chris christian christina christine christopher cindy claire colin connor courtney craig crystal curtis cynthia dale dan ' +
    'dana daniel danielle danny darren dave david dawn dean deborah debra dennis derek diana diane donald donna doris dorothy doug douglas dylan ed ' +
    'eddie edward eileen elaine eleanor elizabeth ellen emily emma eric erica erin ethan eugene eva evan evelyn frances frank fred gabriel gail gary ' +
    'gavin gemma george gerald gina glenn gloria grace graham grant greg gregory hannah harold harry heather helen henry holly howard ian isaac ' +
    'isabel isabella jack jackie jacob jacqueline jake james jamie jane janet janice jared jason jean jeff jeffrey jenna jennifer jenny jeremy jerry ' +
    'jesse jessica jill jim jimmy jo joan joanna joe joel john johnny jon jonathan jordan joseph josh joshua joy joyce judith judy julia julie justin ' +
    'karen kate katherine kathleen kathryn kathy katie kayla keith kelly ken kenneth kevin kim kimberly kirk kristen kristin kyle larry laura lauren ' +
    'lawrence leah lee leo leslie lily linda lindsay lisa liz logan lori louis louise lucas lucy luke lydia madison marc marcus margaret maria marie ' +
    'marilyn mark martha martin mary matt matthew maureen max megan melanie melissa michael michelle mike mitchell molly monica morgan nancy natalie ' +
    'nathan neil nicholas nick nicole noah norma oliver olivia owen pamela pat patricia patrick paul paula peggy peter phil philip phillip rachel ' +
    'ralph randy ray raymond rebecca regina richard rick rob robert robin rod roger ron ronald rose ross roy russell ruth ryan sally sam samantha ' +
    'samuel sandra sara sarah scott sean shannon sharon shawn sheila shirley simon sophia sophie stacy stanley stephanie stephen steve steven stuart ' +
    'sue susan suzanne sylvia tammy tanya taylor ted teresa terry theresa thomas tiffany tim timothy tina todd tom tommy tony tracy travis trevor ' +
    'troy tyler valerie vanessa victor victoria vincent virginia walter wayne wendy william willie zach zachary zoe ' +
    // German, Dutch, Nordic, French, Italian, Spanish, Portuguese
    'anders andreas anke annika antje arne bart bas benedikt bernd birgit bjorn björn bram britta carsten christoph claus daan dirk dominik elke ' +
    'erik fabian felix florian frank frederik frida gerrit gunnar hans hanna harald heike heinz helga henrik ingrid jan jannik jens jeroen joost ' +
    'jorg jörg jurgen jürgen kai karin karl katrin kerstin klaus knut lars lasse lena lennart lukas maarten magnus marco marius markus marten ' +
    'martijn mats matthias max maximilian mette moritz niels nils ola olaf ole oskar pieter ralf reinhard rene rené ruben rutger sander sanne ' +
    'sebastian sepp siebe sigrid silke soren søren stefan stefanie sven thijs thomas thorsten tobias torsten ulf ulrich ute uwe vincent wim wolfgang ' +
    'adele adrien agathe alain amelie amélie anais anaïs antoine arnaud aurelie aurélie baptiste benoit benoît bertrand camille cecile cécile ' +
    'celine céline chloe chloé clement clément damien denis didier elodie élodie emilie émilie etienne étienne fabien fabrice francois françois ' +
    'frederic frédéric gael gaël guillaume helene hélène herve hervé isabelle jacques jerome jérôme julien laurent loic loïc manon marion mathieu ' +
    'matthieu maxime mickael nicolas olivier pascal philippe pierre quentin remi rémi romain sandrine sebastien sébastien stephane stéphane sylvain ' +
    'thibault thierry valentin xavier yann yannick ' +
    'alessandro alessia andrea angelo antonio chiara claudio cristina daniele davide elena emanuele enrico fabio federico filippo francesca ' +
    'francesco gabriele giacomo gianluca giorgio giovanni giulia giuseppe lorenzo luca lucia luigi marcello mario massimo matteo michele paolo ' +
    'pietro riccardo roberto salvatore sara silvia simone stefano valentina vittorio ' +
    'adriana alberto alejandra alejandro alfonso alvaro álvaro ana andres andrés beatriz carla carmen clara consuelo cristian diego eduardo elisa ' +
    'emilio enrique esteban fernanda fernando francisco gabriela gonzalo guillermo gustavo hector héctor ignacio ines inés isabela javier jesus jesús ' +
    'joao joão jorge jose josé juan juana julio leticia lorena luis luz manuel marcela margarita mariana marta miguel natalia nuno pablo paco patricio ' +
    'pedro rafael raul raúl ricardo rodrigo rosa santiago sergio sofia sofía teresa tiago vicente ' +
    // Slavic, Greek, Baltic, Hungarian, Turkish
    'agnieszka aleksandar aleksandr alexei alexey alina anastasia andrei andrey anton artem bogdan boris dmitri dmitry ekaterina elena filip goran ' +
    'igor ilya irina ivan ivana jakub jana jiri jiří katarzyna kateryna konstantin krzysztof lukasz łukasz marek marija marina maksim michal michał ' +
    'milan miroslav natasha nikola nikolai nikolay olga oleg oleksandr pavel pavlo petr piotr radek roman sasha sergei sergey stanislav svetlana ' +
    'tatiana tomas tomáš tomasz vadim valentin vasily viktor vladimir vlad yulia yuri zoran ' +
    'dimitris giorgos kostas maria nikos yannis andras andrás balazs balázs gabor gábor laszlo lászló peter péter zoltan zoltán ' +
    'ahmet ali ayse ayşe burak can cem elif emre esra fatma hakan kemal mehmet murat mustafa ozan selin serkan zeynep ' +
    // Arabic, Persian, Hebrew, African
    'abdul abdullah ahmad ahmed amir amira fatima hassan hussein ibrahim karim khalid layla mahmoud mariam mohamed mohammad mohammed mona mustafa ' +
    'nadia omar rami rania sami samir tariq yasmin yousef youssef zainab ali reza sara shirin arash parisa dariush avi ari dana eitan itai noa ' +
    'oren tal yael yonatan adebayo chidi chinedu kwame kofi ngozi oluwaseun tunde amara ayodele femi zanele thabo sipho ' +
    // South Asian
    'aarav abhishek aditi aditya ajay akash amit amitabh anand anil anjali ankit ankur anup arjun arun ashish ashok deepa deepak dev devika dinesh ' +
    'gaurav gopal harish hemant jaya karan kavita kiran krishna kumar lakshmi madhu mahesh manish manoj meera mohan naveen neha nikhil nisha ' +
    'pooja prakash pranav prasad pratik praveen preeti priya priyanka rahul raj rajesh rajiv ramesh ravi rohan rohit sachin sandeep sanjay ' +
    'santosh sarah saurabh shreya shruti siddharth sneha sonal srinivas subhash sudha suman sunil suresh swati tarun uma varun vijay vikas vikram ' +
    'vinay vinod vishal yash ' +
    // East and South-East Asian
    'bo chao chen cheng fang feng gang hao hong hua hui jian jie jin jing jun kai lei li lian lin ling liu long mei min ming na ning peng ping qiang ' +
    'qing rui shan tao ting wei wen xiao xiaoming xin xu yan yang yi ying yong yu yuan yue yun zhang zhen zhi zhou ' +
    'akira ayumi daisuke haruka haruto hiro hiroshi hiroki kaori kazuki keiko kenji kenta koji makoto masahiro naoki naoko rei ryo ryota sakura ' +
    'satoshi shinji shota takashi takeshi taro tomoko yoshi yuki yuko yusuke yuto ' +
    'eun hye ji jin min seo soo sung young hyun jae joon woo ' +
    'anh binh duc huong linh minh nguyen phuong quang thanh trang tuan ' +
    'agus budi dewi putri rizki siti wahyu arief andi'
  ).split(/\s+/),
);
